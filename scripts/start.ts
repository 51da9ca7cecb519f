/**
 * `npm start`: the whole system on 127.0.0.1 — Firestore, Pub/Sub and Cloud Storage emulators,
 * every function, the processing triggers, the relay, the local token issuer and one gateway port.
 * `npm start -- --fresh` starts with empty emulator state.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { stateDir } from './lib/paths.js';
import { lockStateDir, portRefusal } from './lib/start-guard.js';

const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false } } });
const port = Number(process.env.PORT ?? 8080);
const startedAt = Date.now();

function refuse(reason: string): never {
  process.stderr.write(`npm start: ${reason}\n`);
  process.exit(1);
}
const { lock, refusal } = lockStateDir(stateDir);
if (refusal) refuse(refusal);
process.on('exit', () => lock?.release());
const busy = await portRefusal(port);
if (busy) refuse(busy);

// loaded only once the checks passed, so a refusal comes at once
const { log, routeConsoleToLog } = await import('../shared/log.js');
routeConsoleToLog();
const { startEmulators } = await import('./lib/emulators/index.js');
const { issuerEnv, loadOrCreateIssuerKeys, serveJwks } = await import('./lib/issuer.js');
const { loadOrCreateCredentialsKey } = await import('./lib/credentials-key.js');
const { closeServers } = await import('./lib/function-host.js');
const { startStack } = await import('./lib/stack.js');

process.env.GOOGLE_CLOUD_PROJECT ??= 'demo-local';
process.env.STORAGE_BUCKET ??= 'demo-local-content';

const emulators = await startEmulators({ dataDir: join(stateDir, 'emulators'), fresh: values.fresh }).catch((err: Error) => {
  log.error(err.message);
  process.exit(1);
});
Object.assign(process.env, {
  FIRESTORE_EMULATOR_HOST: emulators.firestoreHost,
  PUBSUB_EMULATOR_HOST: emulators.pubsubHost,
  STORAGE_EMULATOR_HOST: emulators.storageHost,
});

const keys = await loadOrCreateIssuerKeys(stateDir);
const jwks = await serveJwks(keys);
Object.assign(process.env, issuerEnv(jwks.url));
process.env.PUBLIC_BASE_URL ??= `http://127.0.0.1:${port}`;
process.env.CREDENTIALS_ENCRYPTION_KEY ||= await loadOrCreateCredentialsKey(stateDir);

const stack = await startStack({ port });
log.info('local stack started', {
  gateway: stack.url,
  jwks: jwks.url,
  emulators,
  functions: Object.fromEntries(stack.functions.map((f) => [f.deployable.name, f.url])),
  seconds: (Date.now() - startedAt) / 1000,
});
process.stdout.write(`ready ${stack.url}\n`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('stopping local stack', { signal });
  await stack.stop().catch((err) => log.error('stack stop failed', { err }));
  await closeServers([jwks.server]);
  await emulators.stop().catch((err) => log.error('emulator stop failed', { err }));
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
