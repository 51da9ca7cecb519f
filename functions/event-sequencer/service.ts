import { createServer } from 'node:http';
import { envInt } from '../../shared/config.js';
import { closeClients } from '../../shared/gcp/clients.js';
import { log } from '../../shared/log.js';
import { startSequencer } from './worker.js';

/** The Cloud Run service: the pull worker, and PORT answering health checks. SIGTERM stops pulling and lets batches finish. */
export async function runSequencerService(): Promise<void> {
  const sequencer = await startSequencer();
  const server = createServer((req, res) => {
    const ok = req.url?.startsWith('/health');
    res
      .writeHead(ok ? 200 : 404, { 'content-type': 'application/json' })
      .end(JSON.stringify(ok ? sequencer.stats() : { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(envInt('PORT'), '0.0.0.0', resolve));
  log.info('event sequencer started', { port: envInt('PORT') });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('event sequencer shutting down', { signal, ...sequencer.stats() });
    server.close();
    try {
      await sequencer.stop();
      await closeClients();
    } catch (err) {
      log.error('event sequencer shutdown failed', { err });
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
