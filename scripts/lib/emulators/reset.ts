import type { Bucket } from '@google-cloud/storage';

/** Deletes every document of one project in the Firestore emulator; other projects keep theirs. */
export async function resetFirestore(host: string, projectId: string): Promise<void> {
  const response = await fetch(`http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`, {
    method: 'DELETE',
  });
  if (!response.ok) throw new Error(`resetting Firestore project ${projectId} answered ${response.status}: ${await response.text()}`);
}

/** Deletes every object of one bucket; other buckets keep theirs. */
export async function clearBucket(bucket: Bucket): Promise<void> {
  await bucket.deleteFiles({ force: true });
}
