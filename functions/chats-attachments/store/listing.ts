import { FieldPath } from '@google-cloud/firestore';
import { attachmentsCollection, type AttachmentRecord } from '../../../shared/rooms/attachments.js';
import { decodeCursor, encodeCursor } from './paging.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';

export interface AttachmentPage {
  attachments: AttachmentRecord[];
  /** present when more attachments follow */
  filter?: string;
}

/** One page of a room's attachments, newest first, after the page whose `filter` is given. */
export async function pageOfAttachments(roomId: string, limit: number, filter?: string): Promise<AttachmentPage> {
  let query = attachmentsCollection().where('roomId', '==', roomId).orderBy('createdAt', 'desc').orderBy(FieldPath.documentId(), 'desc');
  if (filter !== undefined) {
    const cursor = decodeCursor(filter, roomId);
    query = query.startAfter(cursor.createdAt, cursor.id);
  }
  // one more than asked tells whether another page follows
  const found = (await recordQuery(query.limit(limit + 1)).get()).docs.map((d) => d.data());
  const attachments = found.slice(0, limit);
  const last = attachments[attachments.length - 1];
  if (found.length <= limit || !last) return { attachments };
  return { attachments, filter: encodeCursor({ roomId, createdAt: last.createdAt, id: last.id }) };
}
