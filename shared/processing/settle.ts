import { firestore } from '../gcp/clients.js';
import { log } from '../log.js';
import type { ResourceDoc } from '../resources/model.js';
import { followOriginal, readLinksOf, reloadLinks } from '../resources/links.js';
import { resources } from '../resources/repository.js';
import { completeJobIn, jobRef, type JobRecord } from './job-ledger.js';
import { announceResourceChange } from './resource-events.js';
import { failedPatch, type ResourcePatch } from './resource-patch.js';
import { deleteResourceThumbnails } from './thumbnail-store.js';

/**
 * Ends a job: in one transaction the resource (and its links) take the patch and the job is
 * marked done, so a job is settled exactly once however often it was delivered. The change is
 * announced after the commit, once `beforeAnnounce` (clean-up a client must not see undone) has
 * run. A resource deleted meanwhile only closes the job.
 */
export async function settleJob(
  key: string,
  resourceId: string,
  patch: ResourcePatch | undefined,
  outcome: string,
  beforeAnnounce?: (doc: ResourceDoc) => Promise<void>,
): Promise<ResourceDoc | undefined> {
  const resourceRef = resources().doc(resourceId);
  const links = await firestore().runTransaction(async (tx) => {
    const [job, resource] = await tx.getAll(jobRef(key), resourceRef);
    if ((job.data() as JobRecord | undefined)?.state === 'done') return undefined;
    const links = resource.exists && patch ? await readLinksOf(tx, resourceId) : [];
    completeJobIn(tx, key, resourceId, resource.exists ? outcome : 'gone');
    if (!resource.exists || !patch) return undefined;
    const change = { ...patch, updated: Date.now() };
    tx.update(resourceRef, change);
    followOriginal(tx, links, change);
    return links;
  });
  if (!links) return undefined;
  const doc = (await resourceRef.get()).data() as ResourceDoc | undefined;
  if (!doc) return undefined;
  log.info('resource settled', { resourceId, outcome, status: doc.status, failure: doc.failure, links: links.length });
  await beforeAnnounce?.(doc);
  for (const changed of [doc, ...(await reloadLinks(links))]) await announceResourceChange(changed);
  return doc;
}

/** Settles a job as failed; once that committed, and before it is announced, thumbnails of earlier content are removed. */
export async function settleFailed(key: string, resourceId: string, reason: string): Promise<void> {
  await settleJob(key, resourceId, failedPatch(reason), 'failed', () =>
    deleteResourceThumbnails(resourceId).catch((error: unknown) =>
      log.error('thumbnails of failed content not removed', { resourceId, err: error }),
    ),
  );
}

/** `pending` -> `processing` when a job starts (uploads arrive already `processing`). */
export async function markProcessing(resourceId: string): Promise<void> {
  const ref = resources().doc(resourceId);
  const links = await firestore().runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if ((snap.data() as ResourceDoc | undefined)?.status !== 'pending') return undefined;
    const links = await readLinksOf(tx, resourceId);
    const change = { status: 'processing', updated: Date.now() };
    tx.update(ref, change);
    followOriginal(tx, links, change);
    return links;
  });
  if (!links) return;
  const doc = (await ref.get()).data() as ResourceDoc | undefined;
  for (const changed of doc ? [doc, ...(await reloadLinks(links))] : []) await announceResourceChange(changed);
}
