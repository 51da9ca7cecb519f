import { recordQuery } from '../gcp/query-shapes.js';
import { resourceRef } from './collection.js';
import { Collections } from '../data-layout.js';

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
