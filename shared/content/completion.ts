import type { DocumentReference } from '@google-cloud/firestore';
import { transactionWithEvents } from '../events/outbox.js';
import { applyUpdate } from '../gcp/apply-update.js';
import { firestore } from '../gcp/clients.js';
import { log as rootLog, type Logger } from '../log.js';
import { mimeEssence, sniffContentType } from '../media/sniff.js';
import type { EventPublisher } from '../registry/types.js';
import { emitResourceUpdated } from '../resources/change-events.js';
import { followOriginal, readLinksOf } from '../resources/links.js';
import type { ResourceDoc } from '../resources/model.js';
import { loadResource, resources } from '../resources/repository.js';
import { maxUploadBytes } from './limits.js';
import { StoragePaths } from '../data-layout.js';
import { publishProcessingJob } from './processing-job.js';
import { deleteObjectVersion, objectInfo, objectVersion, readHead, type ObjectInfo } from '../gcp/storage-objects.js';
import { Collections } from '../data-layout.js';

/**
 * One document per resource recording which generation of its original completed it: a second
 * notification (or the notification that follows a streamed upload) of the same generation finds
 * it and changes nothing. Server-side only.
 */

export interface UploadRecord {
  resourceId: string;
  objectPath: string;
  generation: string;
  size: number;
  contentType?: string;
  outcome: 'accepted' | 'rejected';
  reason?: string;
  completedAt: number;
  /** the processing job was published (it is re-published until this is recorded) */
  jobPublished: boolean;
}

export type Completion =
  /** `changed` is false when this generation had completed the resource already */
  { kind: 'accepted' | 'rejected'; changed: boolean; resource: ResourceDoc; record: UploadRecord } | { kind: 'ignored'; reason: string };

/** Enough to sniff any format file-type knows, and to tell text from binary. */
const SNIFF_BYTES = 64 * 1024;

const uploadRef = (resourceId: string) =>
  firestore().collection(Collections.resourceUploads).doc(resourceId) as DocumentReference<UploadRecord>;

export async function readUploadRecord(resourceId: string): Promise<UploadRecord | undefined> {
  return (await uploadRef(resourceId).get()).data();
}

/**
 * A resource's original `originals/{id}` is complete (a streamed PUT finished, or Cloud Storage
 * reported OBJECT_FINALIZE for a direct upload). Checks the size against MAX_UPLOAD_BYTES, sniffs
 * the content type from the bytes, and in one transaction moves the resource `pending` ->
 * `processing` with `metadata.fileSize` and `metadata.contentType` (or `failed` with the reason,
 * the bytes deleted). Then publishes the processing job. Idempotent per object generation: the
 * state changes once; the job is published until that is recorded (consumers dedupe on its key).
 * The change's `resource:updated` events (the resource's and its links') commit with it, on `publisher`.
 */
export async function completeUpload(
  objectPath: string,
  generation: string | undefined,
  publisher: EventPublisher,
  log: Logger = rootLog,
): Promise<Completion> {
  const resourceId = StoragePaths.resourceIdOf(objectPath);
  if (!resourceId) return { kind: 'ignored', reason: `${objectPath} is not a resource original` };
  const info = await objectInfo(objectPath);
  if (!info) return { kind: 'ignored', reason: `${objectPath} no longer exists` };
  if (generation !== undefined && info.generation !== generation)
    return { kind: 'ignored', reason: `generation ${generation} was replaced by ${info.generation}` };

  const resource = await loadResource(resourceId);
  if (!resource || resource.linkId) {
    await deleteObjectVersion(info);
    return {
      kind: 'ignored',
      reason: resource ? 'a link resource holds no bytes of its own: object deleted' : 'no such resource: orphan object deleted',
    };
  }

  const verdict = await judge(info, resource);
  if (verdict.outcome === 'accepted')
    await objectVersion(info).setMetadata({ contentType: verdict.contentType }, { ifGenerationMatch: info.generation });
  const settled = await settle(publisher, resourceId, info, verdict);
  if (settled.kind === 'ignored') {
    log.warn('upload completion ignored', { resourceId, generation: info.generation, reason: settled.reason });
    return settled;
  }
  const { record, changed } = settled;
  if (record.outcome === 'rejected') await deleteObjectVersion(info);
  else if (!record.jobPublished) {
    await publishProcessingJob({ resourceId, objectPath, generation: record.generation });
    await uploadRef(resourceId).update({ jobPublished: true });
  }
  const doc = (await resources().doc(resourceId).get()).data() as ResourceDoc;
  log.info('upload completed', {
    resourceId,
    generation: record.generation,
    outcome: record.outcome,
    changed,
    size: record.size,
    contentType: record.contentType,
  });
  return { kind: record.outcome, changed, resource: doc, record };
}

/** `contentType` is served with the bytes (text keeps its charset); `mediaType` goes to `metadata.contentType`. */
type Verdict = { outcome: 'accepted'; contentType: string; mediaType: string } | { outcome: 'rejected'; reason: string };

async function judge(info: ObjectInfo, resource: ResourceDoc): Promise<Verdict> {
  const max = maxUploadBytes();
  if (info.size > max)
    return { outcome: 'rejected', reason: `the content is larger than the maximum of ${max} bytes (${info.size} bytes)` };
  if (info.size === 0) return { outcome: 'rejected', reason: 'the content is empty' };
  const fileName = typeof resource.metadata?.fileName === 'string' ? resource.metadata.fileName : undefined;
  const contentType = await sniffContentType(await readHead(info, SNIFF_BYTES), { fileName });
  return { outcome: 'accepted', contentType, mediaType: mimeEssence(contentType) };
}

type Settled = { kind: 'settled'; record: UploadRecord; changed: boolean } | { kind: 'ignored'; reason: string };

async function settle(publisher: EventPublisher, resourceId: string, info: ObjectInfo, verdict: Verdict): Promise<Settled> {
  const resourceRef = resources().doc(resourceId);
  return transactionWithEvents<Settled>(publisher, async (tx, events) => {
    const [resourceSnap, recordSnap] = await tx.getAll(resourceRef, uploadRef(resourceId));
    const existing = recordSnap.data() as UploadRecord | undefined;
    if (existing?.generation === info.generation) return { kind: 'settled', record: existing, changed: false };
    const doc = resourceSnap.data() as ResourceDoc | undefined;
    if (!doc) return { kind: 'ignored', reason: 'the resource was deleted meanwhile' };
    if (doc.status !== 'pending')
      return {
        kind: 'ignored',
        reason: `the resource is ${doc.status}: its content was set by generation ${existing?.generation ?? '(unknown)'}`,
      };

    const links = await readLinksOf(tx, resourceId);
    const now = Date.now();
    const record: UploadRecord = {
      resourceId,
      objectPath: info.path,
      generation: info.generation,
      size: info.size,
      outcome: verdict.outcome,
      completedAt: now,
      jobPublished: false,
      ...(verdict.outcome === 'accepted' ? { contentType: verdict.mediaType } : { reason: verdict.reason }),
    };
    tx.set(uploadRef(resourceId), record);
    const change =
      verdict.outcome === 'accepted'
        ? {
            status: 'processing',
            'metadata.fileSize': info.size,
            'metadata.contentType': verdict.mediaType,
            storagePath: info.path,
            updated: now,
          }
        : { status: 'failed', failure: verdict.reason, updated: now };
    tx.update(resourceRef, change);
    const changed = [applyUpdate(doc, change), ...followOriginal(tx, links, change)];
    for (const updated of changed) await emitResourceUpdated(events, updated);
    return { kind: 'settled', record, changed: true };
  });
}
