import { FieldPath } from '@google-cloud/firestore';
import { decodeCursor, encodeCursor, type ListPosition } from '../../../shared/resources/cursor.js';
import { resources } from '../../../shared/resources/repository.js';
import { ressourceRights, viewerOf } from '../../../shared/access/privacy.js';
import { READ_SCOPE, requireScope, type RessourceDoc } from '../../../shared/access/ressources.js';
import type { Principal } from '../../../shared/auth/principal.js';
import { listedBelonging, type Audience } from '../rules/audiences.js';
import { ressourceView } from '../views.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';

/** documents one listing call reads at most before answering a short page with a cursor */
export const MAX_SCANNED = 1000;

export interface RessourceListPage {
  docs: RessourceDoc[];
  nextCursor: string;
  hasMore: boolean;
}

/**
 * One page of the ressources of a belonging the caller may see, newest first (ties by id). What
 * the caller may not see is skipped; at most {@link MAX_SCANNED} documents are read per call, so a
 * page can be short and still have `hasMore`. The cursor is opaque.
 */
export async function visiblePage(
  belonging: string,
  cursor: string | undefined,
  limit: number,
  visible: (doc: RessourceDoc) => boolean,
): Promise<RessourceListPage> {
  const base = resources().where('belonging', '==', belonging).orderBy('created', 'desc').orderBy(FieldPath.documentId(), 'desc');
  let position: ListPosition | undefined = decodeCursor(cursor);
  const found: RessourceDoc[] = [];
  let scanned = 0;
  let exhausted = false;
  while (found.length <= limit && scanned < MAX_SCANNED) {
    const batch = Math.min(Math.max(limit + 1, 100), MAX_SCANNED - scanned);
    const query = position ? base.startAfter(position.created, position.id) : base;
    const snap = await recordQuery(query.limit(batch)).get();
    for (const snapDoc of snap.docs) {
      const doc = snapDoc.data() as RessourceDoc;
      scanned += 1;
      position = { created: doc.created, id: doc.id };
      if (visible(doc)) found.push(doc);
      if (found.length > limit) break;
    }
    if (snap.size < batch) {
      exhausted = found.length <= limit;
      break;
    }
  }
  const docs = found.slice(0, limit);
  const hasMore = found.length > limit || (!exhausted && scanned >= MAX_SCANNED);
  const last = found.length > limit ? { created: docs[docs.length - 1].created, id: docs[docs.length - 1].id } : position;
  return { docs, hasMore, nextCursor: hasMore && last ? encodeCursor(last) : '' };
}

export interface Paging {
  cursor?: string;
  limit: number;
}

/** A page of the ressources published to an audience that the caller may read (seed 004 rules). */
export async function listRessources(principal: Principal, audience: Audience, paging: Paging) {
  requireScope(principal, READ_SCOPE);
  const { belonging, workspaceId } = await listedBelonging(principal, audience);
  const viewer = await viewerOf(principal);
  const page = await visiblePage(belonging, paging.cursor, paging.limit, (doc) => ressourceRights(viewer, doc, workspaceId).read);
  return { ressources: page.docs.map((doc) => ressourceView(doc, workspaceId)), nextCursor: page.nextCursor, hasMore: page.hasMore };
}
