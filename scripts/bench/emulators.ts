import { randomBytes } from 'node:crypto';
import { startEmulators } from '../lib/emulators/index.js';

/**
 * Starts the emulators for a benchmark and points this process (and the children it spawns with
 * its environment) at them, in a project of its own. Answers how to stop them.
 */
export async function benchEmulators(settings: Record<string, string> = {}): Promise<{ stop: () => Promise<void> }> {
  const emulators = await startEmulators();
  Object.assign(process.env, {
    FIRESTORE_EMULATOR_HOST: emulators.firestoreHost,
    PUBSUB_EMULATOR_HOST: emulators.pubsubHost,
    STORAGE_EMULATOR_HOST: emulators.storageHost,
    GOOGLE_CLOUD_PROJECT: `bench-${randomBytes(4).toString('hex')}`,
    METADATA_SERVER_DETECTION: 'none',
    ...settings,
  });
  return emulators;
}
