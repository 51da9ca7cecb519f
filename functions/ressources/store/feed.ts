import { FieldPath } from '@google-cloud/firestore';
import { decodeCursor, encodeCursor } from '../../../shared/resources/cursor.js';
import { activityCollection, type ActivityRecord } from '../../../shared/ressources/activity.js';
import type { RessourceDoc } from '../../../shared/access/ressources.js';
import { feedEntryView } from '../views.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';

/** The id of the entry every feed ends with: the creation, read from the resource itself. */
const CREATED = 'created';

function createdEntry(doc: RessourceDoc, workspaceId: string | undefined): ActivityRecord {
  const byWorkspace = workspaceId !== undefined && doc.ownerId === workspaceId;
  return { id: CREATED, type: 'created', from: { id: doc.ownerId, type: byWorkspace ? 'workspace' : 'user' }, created: doc.created };
}

/** One page of a ressource's activity, newest first (ties by id), ending with its creation. */
export async function feedPage(doc: RessourceDoc, workspaceId: string | undefined, cursor: string | undefined, limit: number) {
  const position = decodeCursor(cursor);
  if (position?.id === CREATED) return { feed: [], nextCursor: '', hasMore: false };
  const base = activityCollection(doc.id).orderBy('created', 'desc').orderBy(FieldPath.documentId(), 'desc');
  const snap = await recordQuery((position ? base.startAfter(position.created, position.id) : base).limit(limit + 1)).get();
  const entries = snap.docs.map((d) => d.data() as ActivityRecord);
  if (snap.size <= limit) entries.push(createdEntry(doc, workspaceId));
  const page = entries.slice(0, limit);
  const hasMore = entries.length > limit;
  const last = page[page.length - 1];
  return { feed: page.map(feedEntryView), hasMore, nextCursor: hasMore ? encodeCursor({ created: last.created, id: last.id }) : '' };
}
