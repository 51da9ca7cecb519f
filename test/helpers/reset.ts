import { requireEnv, projectId } from '../../shared/config.js';
import { bucket } from '../../shared/gcp/clients.js';
import { clearBucket, resetFirestore } from '../../scripts/lib/emulators/reset.js';

export { clearBucket, resetFirestore };

/** Empties this test file's project: its Firestore documents and its bucket's objects. */
export async function resetTestProject(): Promise<void> {
  await Promise.all([resetFirestore(requireEnv('FIRESTORE_EMULATOR_HOST'), projectId()), clearBucket(bucket())]);
}
