import { requireReadableBelonging } from '../../shared/access/belongings.js';
import type { OperationContext } from '../../shared/registry/types.js';
import { canonicalBelonging, formatBelonging, parseBelonging, roomOfBelonging, type Belonging } from '../../shared/resources/belonging.js';
import { decodeCursor } from '../../shared/resources/cursor.js';
import { belongingOffsetPage, searchBelongingPage } from '../../shared/resources/listing.js';
import { toClientResource } from '../../shared/resources/model.js';
import { queryWords } from '../../shared/resources/search-words.js';
import { joinChannel } from '../../shared/events/subscriptions.js';

export interface SearchInput {
  belonging: string;
  query?: string;
  cursor?: string;
  limit: number;
}

/** Belongings whose broadcast channel searchBelonging joins (seed 000: directory and community for now). */
const BROADCAST = new Set(['directory', 'community']);

/**
 * Searching a room's content (`room:{roomId}`, a prop in it, `roomProps:{roomId}`) is how a client
 * shows a room: its socket joins the room's event channel (`room:{roomId}`, reactions of seed 002)
 * too, and resource:unsubscribeFromBelonging of the same belonging leaves it.
 */
function roomChannelOf(belonging: Belonging): string | undefined {
  if (belonging.type !== 'room' && belonging.type !== 'roomProps') return undefined;
  const room = roomOfBelonging(belonging);
  return room ? `room:${room.roomId}` : undefined;
}

export async function searchBelonging(ctx: OperationContext, input: SearchInput) {
  const after = decodeCursor(input.cursor);
  const { belonging } = await requireReadableBelonging(ctx.principal, input.belonging);
  const page = await searchBelongingPage(belonging, queryWords(input.query), after, input.limit);
  if (BROADCAST.has(belonging.type)) await joinChannel(ctx, `belonging:${formatBelonging(belonging)}`);
  const roomChannel = roomChannelOf(belonging);
  if (roomChannel) await joinChannel(ctx, roomChannel);
  return { resources: page.docs.map(toClientResource), nextCursor: page.nextCursor, hasMore: page.hasMore };
}

export async function listBelonging(ctx: OperationContext, input: { belonging: string; offset: number; size: number }) {
  const { belonging } = await requireReadableBelonging(ctx.principal, input.belonging);
  const docs = await belongingOffsetPage(belonging, input.offset, input.size);
  return { resources: docs.map(toClientResource) };
}

export function unsubscribeFromBelonging(ctx: OperationContext, input: { belonging: string }) {
  ctx.channels.leave(`belonging:${canonicalBelonging(input.belonging)}`);
  const roomChannel = roomChannelOf(parseBelonging(input.belonging));
  if (roomChannel) ctx.channels.leave(roomChannel);
  return {};
}
