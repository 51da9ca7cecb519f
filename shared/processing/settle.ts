import { applyUpdate } from '../gcp/apply-update.js';
import type { OutboxEntry } from '../events/message.js';
import { publishCommitted, transactionWithEvents } from '../events/outbox.js';
import type { EventPublisher } from '../registry/types.js';
import { emitResourceUpdated } from '../resources/change-events.js';
import { log } from '../log.js';
import type { ResourceDoc } from '../resources/model.js';
import { followOriginal, readLinksOf } from '../resources/links.js';
import { resources } from '../resources/repository.js';
import { completeJobIn, jobRef, type JobRecord } from './job-ledger.js';
import { failedPatch, type ResourcePatch } from './resource-patch.js';
import { deleteResourceThumbnails } from './thumbnail-store.js';
import { faultPoint } from '../events/faults.js';

/** Publishes right after the commit (no transport here). */
const publishNow: EventPublisher = {};

/**
 * Ends a job: in one transaction the resource (and its links) take the patch, the job is marked
 * done and their change events are stored in the outbox, so a job is settled and announced
 * exactly once however often it was delivered, and a job that dies after its commit still has
 * its events published (by the outbox sweeper). The events are published once `beforeAnnounce`
 * (clean-up a client must not see undone) has run. A resource deleted meanwhile only closes the job.
 */
export async function settleJob(
  key: string,
  resourceId: string,
  patch: ResourcePatch | undefined,
  outcome: string,
  beforeAnnounce?: (doc: ResourceDoc) => Promise<void>,
): Promise<ResourceDoc | undefined> {
  const resourceRef = resources().doc(resourceId);
  const held: OutboxEntry[] = [];
  const settled = await transactionWithEvents({ committed: (entry) => void held.push(entry) }, async (tx, events) => {
    const [job, resource] = await tx.getAll(jobRef(key), resourceRef);
    if ((job.data() as JobRecord | undefined)?.state === 'done') return undefined;
    const links = resource.exists && patch ? await readLinksOf(tx, resourceId) : [];
    completeJobIn(tx, key, resourceId, resource.exists ? outcome : 'gone');
    if (!resource.exists || !patch) return undefined;
    const change = { ...patch, updated: Date.now() };
    tx.update(resourceRef, change);
    const doc = applyUpdate(resource.data() as ResourceDoc, change);
    const changed = [doc, ...followOriginal(tx, links, change)];
    for (const d of changed) await emitResourceUpdated(events, d);
    return { doc, links: links.length };
  });
  if (!settled) return undefined;
  if (held.length > 0) faultPoint('after-commit');
  const { doc } = settled;
  log.info('resource settled', { resourceId, outcome, status: doc.status, failure: doc.failure, links: settled.links });
  await beforeAnnounce?.(doc);
  await publishCommitted(held);
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

/** `pending` -> `processing` when a job starts (uploads arrive already `processing`), announced with the change. */
export async function markProcessing(resourceId: string): Promise<void> {
  const ref = resources().doc(resourceId);
  await transactionWithEvents(publishNow, async (tx, events) => {
    const snap = await tx.get(ref);
    if ((snap.data() as ResourceDoc | undefined)?.status !== 'pending') return;
    const links = await readLinksOf(tx, resourceId);
    const change = { status: 'processing', updated: Date.now() };
    tx.update(ref, change);
    const changed = [applyUpdate(snap.data() as ResourceDoc, change), ...followOriginal(tx, links, change)];
    for (const d of changed) await emitResourceUpdated(events, d);
  });
}
