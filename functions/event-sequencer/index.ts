/**
 * The event sequencer (Cloud Run, always-allocated CPU): pulls committed events from the intake
 * subscription, assigns channel positions and publishes them to the relays; sweeps the outbox.
 * Started by the package entry with FUNCTION_TARGET / K_SERVICE = event-sequencer, or directly;
 * the local stack calls `acquireSequencer` itself.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runSequencerService } from './service.js';

export { acquireSequencer, startSequencer, type RunningSequencer } from './worker.js';

const deployedHere = (process.env.FUNCTION_TARGET ?? process.env.K_SERVICE) === 'event-sequencer';
function runDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (deployedHere || runDirectly()) await runSequencerService();
