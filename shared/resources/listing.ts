import { FieldPath, type Query } from '@google-cloud/firestore';
import { formatBelonging, roomOfBelonging, type Belonging } from './belonging.js';
import { resources } from './collection.js';
import { encodeCursor, type ListPosition } from './cursor.js';
import type { ResourceDoc } from './model.js';
import { indexedPrefix, matchesWords, MAX_PREFIX_LENGTH } from './search-words.js';

/**
 * What a belonging lists. Stored belongings list their own resources; `room:{roomId}` lists
 * everything placed in the room (room level and every prop); `roomProps:{roomId}` only what is on
 * its props. Every listing is ordered newest first, ties broken by id, so pages are stable.
 */
export function belongingQuery(belonging: Belonging): Query {
  const room = roomOfBelonging(belonging);
  if (belonging.type === 'roomProps' && room) return resources().where('roomId', '==', room.roomId).where('onProp', '==', true);
  if (belonging.type === 'room' && room && room.propId === undefined) return resources().where('roomId', '==', room.roomId);
  return resources().where('belonging', '==', formatBelonging(belonging));
}

const ordered = (query: Query): Query => query.orderBy('created', 'desc').orderBy(FieldPath.documentId(), 'desc');

export const MAX_PAGE_SIZE = 100;
/** documents one search call reads at most before answering a short page with a cursor */
export const MAX_SCANNED = 1000;
/** documents read per query when query words are checked on the fetched documents */
const FILTERED_BATCH = 300;

export interface SearchPage {
  docs: ResourceDoc[];
  nextCursor: string;
  hasMore: boolean;
}

/**
 * One page of a belonging, optionally restricted to resources whose title or description has a
 * word starting with each query word. The index answers the longest query word; the other words
 * are checked here, reading at most {@link MAX_SCANNED} documents per call.
 */
export async function searchBelongingPage(belonging: Belonging, words: string[], after: ListPosition | undefined, limit: number): Promise<SearchPage> {
  const prefix = indexedPrefix(words);
  const base = ordered(prefix ? belongingQuery(belonging).where('searchPrefixes', 'array-contains', prefix) : belongingQuery(belonging));
  // the index answers one word exactly (up to MAX_PREFIX_LENGTH characters); more words are checked here
  const filtered = words.length > 1 || words.some((w) => Array.from(w).length > MAX_PREFIX_LENGTH);
  const found: ResourceDoc[] = [];
  let position = after;
  let scanned = 0;
  let exhausted = false;
  while (found.length <= limit && scanned < MAX_SCANNED) {
    const wanted = filtered ? Math.max(3 * (limit + 1), FILTERED_BATCH) : limit + 1 - found.length;
    const batch = Math.min(wanted, MAX_SCANNED - scanned);
    const query = position ? base.startAfter(position.created, position.id) : base;
    const snap = await query.limit(batch).get();
    for (const snapDoc of snap.docs) {
      const doc = snapDoc.data() as ResourceDoc;
      scanned += 1;
      position = { created: doc.created, id: doc.id };
      if (matchesWords(doc, words)) found.push(doc);
      if (found.length > limit) break;
    }
    if (snap.size < batch) {
      exhausted = found.length <= limit;
      break;
    }
  }
  const docs = found.slice(0, limit);
  const hasMore = found.length > limit || (!exhausted && scanned >= MAX_SCANNED);
  const last = found.length > limit ? docs[docs.length - 1] : position;
  return { docs, hasMore, nextCursor: hasMore && last ? encodeCursor({ created: last.created, id: last.id }) : '' };
}

/** An offset page (deprecated listings and the sorting table). */
export async function belongingOffsetPage(belonging: Belonging, offset: number, size: number): Promise<ResourceDoc[]> {
  const snap = await ordered(belongingQuery(belonging)).offset(offset).limit(size).get();
  return snap.docs.map((d) => d.data() as ResourceDoc);
}
