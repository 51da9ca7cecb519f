import type { Transaction } from '@google-cloud/firestore';
import { thumbnailUrlOf } from '../processing/resource-patch.js';
import { resourceRef, resources } from './collection.js';
import type { ResourceDoc } from './model.js';
import { recordQuery } from '../gcp/query-shapes.js';
import { applyUpdate } from '../gcp/apply-update.js';

/**
 * Link resources (`linkId`, made by resource:createLinkResource) share their original's bytes and
 * follow its content state: whatever moves the original's status (upload completion, processing)
 * writes the same change to its links in the same transaction.
 */
export async function readLinksOf(tx: Transaction, originalId: string): Promise<ResourceDoc[]> {
  const snap = await tx.get(recordQuery(resources().where('linkId', '==', originalId)));
  return snap.docs.map((d) => d.data() as ResourceDoc);
}

/**
 * Writes an original's content change (a Firestore update of status, metadata, thumbnail, media
 * data) to its links. A link's thumbnail is its own URL, which serves the original's thumbnail to
 * whoever may read the link. Answers the links as the commit leaves them.
 */
export function followOriginal(tx: Transaction, links: ResourceDoc[], patch: Record<string, unknown>): ResourceDoc[] {
  return links.map((link) => {
    const own = typeof patch.thumbnail === 'string' ? { ...patch, thumbnail: thumbnailUrlOf(link.id) } : patch;
    tx.update(resourceRef(link.id), own);
    return applyUpdate(link, own);
  });
}
