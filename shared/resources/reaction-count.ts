import { recordQuery } from '../gcp/query-shapes.js';
import { resourceRef } from './collection.js';
import { Collections } from '../data-layout.js';
import type { ResourceDoc } from './model.js';

/**
 * `totalReactions` is counted from the reactions themselves (`resources/{id}/reactions/*`, one
 * document per user) with an aggregation query: reacting writes only the caller's own document, so
 * a popular resource is no hot document, and the count is exact whatever the concurrency. The
 * field stored on the resource document is not maintained; answers that show a resource are filled by live-counts.ts.
 */
export async function countReactions(resourceId: string): Promise<number> {
  const snapshot = await recordQuery(resourceRef(resourceId).collection(Collections.reactions).count()).get();
  return snapshot.data().count;
}

/**
 * The total of a resource as read: 0 without a query when it was stored never reacted to (the
 * first reaction sets `reacted` in its own commit, the only write reacting makes to the resource).
 */
export function reactionTotal(doc: Pick<ResourceDoc, 'id' | 'reacted'>): Promise<number> {
  return doc.reacted === false ? Promise.resolve(0) : countReactions(doc.id);
}
