import type { Transaction } from '@google-cloud/firestore';
import { notFound } from '../errors/api-error.js';
import { recordQuery } from '../gcp/query-shapes.js';
import { resourceToCount } from './client-views.js';
import { resourceRef, resources } from './collection.js';
import { isDirectory, type ResourceDoc } from './model.js';
import { reactionTotal } from './reaction-count.js';

/**
 * Counters a client reads on a resource, counted when an answer is sent instead of kept on the
 * resource document: `totalReactions` from the reaction documents (none to count on a resource
 * never reacted to), a directory's
 * `innerContentCount` and `innerContentType` from its children (each child carries its own
 * `countedKind`). Adding, moving, deleting or reacting writes only the documents it changes, so a
 * busy directory or a popular resource is no hot document, and an answer always shows the count
 * at the time it was read. Costs: one aggregation query per resource in an answer, three for a
 * directory (each billed as one read per 1,000 counted entries).
 */

/** `empty`, the one content kind of every child, or `mixed`; and how many children. */
export async function directoryCounts(directoryId: string): Promise<{ innerContentCount: number; innerContentType: string }> {
  const children = resources().where('belonging', '==', `directory:${directoryId}`);
  const [total, first] = await Promise.all([
    recordQuery(children.count()).get(),
    recordQuery(children.select('countedKind').limit(1)).get(),
  ]);
  const count = total.data().count;
  if (count === 0 || first.empty) return { innerContentCount: 0, innerContentType: 'empty' };
  const kind = (first.docs[0].get('countedKind') as string | undefined) ?? 'other';
  const same = await recordQuery(children.where('countedKind', '==', kind).count()).get();
  return { innerContentCount: count, innerContentType: same.data().count === count ? kind : 'mixed' };
}

function collect(value: unknown, found: Map<object, ResourceDoc>, depth: number): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  const doc = resourceToCount(value);
  if (doc) found.set(value, doc);
  if (Array.isArray(value)) for (const item of value) collect(item, found, depth + 1);
  else for (const item of Object.values(value)) collect(item, found, depth + 1);
}

/** Fills the counters of every resource view in an answer (looked up once per resource), in place. */
export async function fillLiveCounts(answer: unknown): Promise<void> {
  const found = new Map<object, ResourceDoc>();
  collect(answer, found, 0);
  if (found.size === 0) return;
  const byId = new Map<string, ResourceDoc>();
  for (const doc of found.values()) byId.set(doc.id, doc);
  const counted = new Map<
    string,
    Promise<{ totalReactions: number; directory?: { innerContentCount: number; innerContentType: string } }>
  >();
  for (const [id, doc] of byId) {
    counted.set(
      id,
      Promise.all([reactionTotal(doc), isDirectory(doc) ? directoryCounts(id) : undefined]).then(([totalReactions, directory]) => ({
        totalReactions,
        directory,
      })),
    );
  }
  await Promise.all(
    [...found].map(async ([view, doc]) => {
      const counts = await counted.get(doc.id)!;
      const out = view as Record<string, unknown>;
      out.totalReactions = counts.totalReactions;
      if (counts.directory && typeof out.data === 'object' && out.data !== null) {
        out.data = { ...(out.data as Record<string, unknown>), directory: counts.directory };
      }
    }),
  );
}

/**
 * In a transaction adding resources to directories: reads each (a shared lock, so concurrent
 * additions do not contend) and refuses a missing one.
 */
export async function requireDirectories(tx: Transaction, directoryIds: string[]): Promise<void> {
  const ids = [...new Set(directoryIds)];
  if (ids.length === 0) return;
  const snaps = await tx.getAll(...ids.map((id) => resourceRef(id)));
  if (snaps.some((snap) => !snap.exists || !isDirectory(snap.data() as ResourceDoc))) throw notFound('directory');
}
