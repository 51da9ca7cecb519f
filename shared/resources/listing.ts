import { FieldPath, type Query } from '@google-cloud/firestore';
import { formatBelonging, roomOfBelonging, type Belonging } from './belonging.js';
import { resources } from './collection.js';
import { encodeCursor, type ListPosition } from './cursor.js';
import type { ResourceDoc } from './model.js';
import { indexedPrefix, matchesWords, MAX_PREFIX_LENGTH } from './search-words.js';
import { recordQuery } from '../gcp/query-shapes.js';

/**
 * What a belonging lists, and in which order. A stored belonging lists its own resources, newest
 * first (ties by id). `room:{roomId}` lists everything placed in the room (room level and every
 * prop) and `roomProps:{roomId}` what is on its props: both are ranges of `belonging` (every
 * writer keeps that field), ordered by belonging, then newest first.
 */
interface BelongingView {
  query: Query;
  /** spans several belongings: ordered by belonging first */
  ranged: boolean;
  includes(doc: ResourceDoc): boolean;
}

function viewOf(belonging: Belonging): BelongingView {
  const room = roomOfBelonging(belonging);
  const all = () => true;
  if (room && belonging.type === 'roomProps') {
    const prefix = `room:${room.roomId}/`;
    const query = resources().where('belonging', '>=', prefix).where('belonging', '<', `room:${room.roomId}0`);
    return { query, ranged: true, includes: (doc) => doc.belonging.startsWith(prefix) };
  }
  if (room && belonging.type === 'room' && room.propId === undefined) {
    const own = `room:${room.roomId}`;
    // '0' follows '/' in code point order: the range holds the room and every `room:{roomId}/...`
    const query = resources().where('belonging', '>=', own).where('belonging', '<', `${own}0`);
    return { query, ranged: true, includes: (doc) => doc.belonging === own || doc.belonging.startsWith(`${own}/`) };
  }
  return { query: resources().where('belonging', '==', formatBelonging(belonging)), ranged: false, includes: all };
}

function ordered(view: BelongingView, query: Query): Query {
  const byBelonging = view.ranged ? query.orderBy('belonging') : query;
  return byBelonging.orderBy('created', 'desc').orderBy(FieldPath.documentId(), 'desc');
}

const positionOf = (view: BelongingView, doc: ResourceDoc): ListPosition =>
  view.ranged ? { belonging: doc.belonging, created: doc.created, id: doc.id } : { created: doc.created, id: doc.id };

function after(view: BelongingView, query: Query, position: ListPosition | undefined): Query {
  if (!position) return query;
  if (!view.ranged) return query.startAfter(position.created, position.id);
  return query.startAfter(position.belonging ?? '', position.created, position.id);
}

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
export async function searchBelongingPage(
  belonging: Belonging,
  words: string[],
  start: ListPosition | undefined,
  limit: number,
): Promise<SearchPage> {
  const view = viewOf(belonging);
  const prefix = indexedPrefix(words);
  const base = ordered(view, prefix ? view.query.where('searchPrefixes', 'array-contains', prefix) : view.query);
  // the index answers one word exactly (up to MAX_PREFIX_LENGTH characters); more words are checked here
  const filtered = words.length > 1 || words.some((w) => Array.from(w).length > MAX_PREFIX_LENGTH);
  const found: ResourceDoc[] = [];
  let position = start;
  let scanned = 0;
  let exhausted = false;
  while (found.length <= limit && scanned < MAX_SCANNED) {
    const wanted = filtered ? Math.max(3 * (limit + 1), FILTERED_BATCH) : limit + 1 - found.length;
    const batch = Math.min(wanted, MAX_SCANNED - scanned);
    const snap = await recordQuery(after(view, base, position).limit(batch)).get();
    for (const snapDoc of snap.docs) {
      const doc = snapDoc.data() as ResourceDoc;
      scanned += 1;
      position = positionOf(view, doc);
      if (view.includes(doc) && matchesWords(doc, words)) found.push(doc);
      if (found.length > limit) break;
    }
    if (snap.size < batch) {
      exhausted = found.length <= limit;
      break;
    }
  }
  const docs = found.slice(0, limit);
  const hasMore = found.length > limit || (!exhausted && scanned >= MAX_SCANNED);
  const last = found.length > limit ? positionOf(view, docs[docs.length - 1]) : position;
  return { docs, hasMore, nextCursor: hasMore && last ? encodeCursor(last) : '' };
}

/** An offset page (deprecated listings and the sorting table), in the same order as searches. */
export async function belongingOffsetPage(belonging: Belonging, offset: number, size: number): Promise<ResourceDoc[]> {
  const view = viewOf(belonging);
  const snap = await recordQuery(ordered(view, view.query).offset(offset).limit(size)).get();
  return snap.docs.map((d) => d.data() as ResourceDoc).filter(view.includes);
}
