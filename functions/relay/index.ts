/**
 * The WebSocket relay (Cloud Run). Deployed, it is started by the package entry with
 * FUNCTION_TARGET / K_SERVICE = relay, or run directly (`node dist/functions/relay/index.js`);
 * the local stack and the tests call `startRelay` themselves.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runRelayService } from './service.js';

export { startRelay, WS_PATH, type RelayLimits, type RelayOptions, type RelayStats, type RunningRelay } from './server.js';

const deployedHere = (process.env.FUNCTION_TARGET ?? process.env.K_SERVICE) === 'relay';
function runDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (deployedHere || runDirectly()) await runRelayService();
