import { requireReadableBelonging } from '../../../shared/access/belongings.js';
import type { Principal } from '../../../shared/auth/principal.js';
import { decodeCursor } from '../../../shared/resources/cursor.js';
import { belongingOffsetPage, searchBelongingPage } from '../../../shared/resources/listing.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { queryWords } from '../../../shared/resources/search-words.js';

/** A page of a belonging the caller may read, newest first, optionally by words of title and description. */
export async function searchBelonging(principal: Principal, input: { belonging: string; query?: string; cursor?: string; limit: number }) {
  const after = decodeCursor(input.cursor);
  const { belonging } = await requireReadableBelonging(principal, input.belonging);
  const page = await searchBelongingPage(belonging, queryWords(input.query), after, input.limit);
  const answer = { resources: page.docs.map(toClientResource), nextCursor: page.nextCursor, hasMore: page.hasMore };
  return { belonging, answer };
}

export async function listBelonging(principal: Principal, belongingName: string, offset: number, size: number) {
  const { belonging } = await requireReadableBelonging(principal, belongingName);
  const docs = await belongingOffsetPage(belonging, offset, size);
  return { resources: docs.map(toClientResource) };
}
