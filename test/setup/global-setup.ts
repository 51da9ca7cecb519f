import type { TestProject } from 'vitest/node';
import { log } from '../../shared/log.js';
import { startEmulators } from '../../scripts/lib/emulators/index.js';
import type { EmulatorHosts } from './emulator-hosts.js';
import { startQueryLog } from './query-log.js';

/**
 * Uses the emulators named by FIRESTORE_EMULATOR_HOST, PUBSUB_EMULATOR_HOST and STORAGE_EMULATOR_HOST
 * when all three are set; otherwise starts empty ones for this run (no data dir: nothing is saved)
 * and stops them at teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const queryLog = startQueryLog();
  project.provide('queryLogDir', queryLog.dir);
  const given = givenHosts();
  if (given) {
    log.info('tests use running emulators', { ...given });
    project.provide('emulatorHosts', given);
    return () => queryLog.check();
  }
  const emulators = await startEmulators();
  project.provide('emulatorHosts', {
    firestoreHost: emulators.firestoreHost,
    pubsubHost: emulators.pubsubHost,
    storageHost: emulators.storageHost,
  });
  return async () => {
    await emulators.stop();
    await queryLog.check();
  };
}

function givenHosts(): EmulatorHosts | undefined {
  const firestoreHost = process.env.FIRESTORE_EMULATOR_HOST;
  const pubsubHost = process.env.PUBSUB_EMULATOR_HOST;
  const storageHost = process.env.STORAGE_EMULATOR_HOST;
  return firestoreHost && pubsubHost && storageHost ? { firestoreHost, pubsubHost, storageHost } : undefined;
}
