import { transactionWithEvents } from '../events/outbox.js';
import { firestore } from '../gcp/clients.js';
import type { EventPublisher } from '../registry/types.js';
import { emitResourceUpdated } from './change-events.js';
import { resourceRef, resources } from './collection.js';
import { isDirectory, type ResourceDoc } from './model.js';
import { recordQuery } from '../gcp/query-shapes.js';

/**
 * The content kind a resource counts as in its directory: `directory`, the top-level media type of
 * `metadata.contentType` (`image`, `audio`, `video`, `text`, `application`, ...; `remote#image`
 * counts as `image`), or `other`.
 */
export function contentKind(doc: Pick<ResourceDoc, 'data' | 'metadata'>): string {
  if (isDirectory(doc)) return 'directory';
  const type = doc.metadata?.contentType;
  if (typeof type !== 'string' || type === '') return 'other';
  const lower = type.toLowerCase();
  const kind = lower.includes('#') ? lower.slice(lower.indexOf('#') + 1) : lower.split('/')[0];
  return /^[a-z0-9]{1,40}$/.test(kind) ? kind : 'other';
}

/**
 * For code that changes what a resource is (processing settling `metadata.contentType`): sets the
 * content kind it counts as in its directory (directories are counted from these when read,
 * live-counts.ts). Answers whether anything changed.
 */
export async function refreshCountedKind(resourceId: string): Promise<boolean> {
  return firestore().runTransaction(async (tx) => {
    const snap = await tx.get(resourceRef(resourceId));
    const doc = snap.data() as ResourceDoc | undefined;
    if (!doc || doc.belongingType !== 'directory') return false;
    const kind = contentKind(doc);
    if (doc.countedKind === kind) return false;
    tx.update(snap.ref, { countedKind: kind });
    return true;
  });
}

/**
 * For code that rewrites a directory's content outside the counted moves (a Drive sync): counts its
 * children again, in one transaction with reading them, and sets each child's `countedKind` to
 * match. A concurrent add or move, which changes the directory in its own commit, is serialized with
 * it. Answers the directory after the recount when its counts changed; its update events commit with it.
 */
export async function recountDirectory(directoryId: string, publisher: EventPublisher): Promise<ResourceDoc | undefined> {
  return transactionWithEvents(publisher, async (tx, events) => {
    const ref = resourceRef(directoryId);
    const snap = await tx.get(ref);
    const directory = snap.data() as ResourceDoc | undefined;
    if (!directory || !isDirectory(directory)) return undefined;
    const children = await tx.get(recordQuery(resources().where('belonging', '==', `directory:${directoryId}`)));
    const kinds: Record<string, number> = {};
    for (const child of children.docs) {
      const kind = contentKind(child.data() as ResourceDoc);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (child.get('countedKind') !== kind) tx.update(child.ref, { countedKind: kind });
    }
    const count = children.size;
    const before = directory.data?.directory;
    const unchanged = before?.innerContentCount === count && sameCounts(directory.directoryKinds ?? {}, kinds);
    if (unchanged) return undefined;
    const updated = Date.now();
    tx.update(ref, { directoryKinds: kinds, 'data.directory.innerContentCount': count, updated });
    const recounted: ResourceDoc = {
      ...directory,
      directoryKinds: kinds,
      data: { ...directory.data, directory: { ...before, innerContentCount: count } },
      updated,
    };
    await emitResourceUpdated(events, recounted);
    return recounted;
  });
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const nonZero = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n !== 0)
      .sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(nonZero(a)) === JSON.stringify(nonZero(b));
}
