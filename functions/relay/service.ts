import { closeClients } from '../../shared/gcp/clients.js';
import { refuseToStartWithoutAuthSettings } from '../../shared/auth/fail-closed.js';
import { log, routeConsoleToLog } from '../../shared/log.js';
import { startRelay } from './server.js';

/**
 * The Cloud Run service: listens on PORT on every interface; on SIGTERM (Cloud Run gives 10 s)
 * it drains in-flight calls, closes sockets with 1012 and deletes its subscription.
 */
export async function runRelayService(): Promise<void> {
  routeConsoleToLog();
  refuseToStartWithoutAuthSettings('relay');
  const relay = await startRelay({ host: '0.0.0.0' });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('relay shutting down', { signal, ...relay.stats() });
    try {
      await relay.stop();
      await closeClients();
    } catch (err) {
      log.error('relay shutdown failed', { err });
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
