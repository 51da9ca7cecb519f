import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { handedOffSettled } from '../../shared/events/handoff.js';
import { closeClients } from '../../shared/gcp/clients.js';
import './emulator-hosts.js';
import { offLoopbackAttempts } from './loopback-only.js';

/**
 * Runs before each test file, in its worker. Points the Google Cloud clients at the run's emulators
 * and gives the file its own project and bucket: the emulators keep state per project, so test
 * files running in parallel do not see each other's documents, topics or objects.
 */
const hosts = inject('emulatorHosts');
const project = `test-${randomBytes(5).toString('hex')}`;

Object.assign(process.env, {
  FIRESTORE_EMULATOR_HOST: hosts.firestoreHost,
  PUBSUB_EMULATOR_HOST: hosts.pubsubHost,
  STORAGE_EMULATOR_HOST: hosts.storageHost,
  GOOGLE_CLOUD_PROJECT: project,
  STORAGE_BUCKET: `${project}-content`,
  // a Google client built without the emulator options must not probe the GCE metadata server
  METADATA_SERVER_DETECTION: 'none',
  FIRESTORE_QUERY_LOG_DIR: inject('queryLogDir'),
});

afterAll(async () => {
  await handedOffSettled();
  await closeClients();
  const attempts = offLoopbackAttempts();
  if (attempts.length > 0) throw new Error(`this test file tried to leave loopback: ${[...new Set(attempts)].join(', ')}`);
});
