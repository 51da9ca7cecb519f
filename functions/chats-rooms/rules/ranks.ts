import { badRequest } from '../../../shared/errors/api-error.js';

export interface RankEntry {
  roomId: string;
  rank: number;
}

/** Ranks must name each room once and be the progressive numbers 1..n. */
export function checkRankSequence(entries: RankEntry[]): void {
  const seen = new Set<string>();
  for (const { roomId } of entries) {
    if (seen.has(roomId)) throw badRequest(`room ${roomId} is ranked more than once`);
    seen.add(roomId);
  }
  const ranks = entries.map((e) => e.rank).sort((a, b) => a - b);
  ranks.forEach((rank, index) => {
    if (rank !== index + 1) throw badRequest(`ranks must be the progressive numbers 1..${entries.length} without duplicates`);
  });
}

/**
 * A new order must give every expected room exactly one rank, and the ranks must be the
 * progressive numbers 1..n. `what` names the rooms in messages ("workspaces", "channels").
 */
export function checkRanks(entries: RankEntry[], expectedRoomIds: Iterable<string>, what: string): void {
  checkRankSequence(entries);
  const expected = new Set(expectedRoomIds);
  if (entries.length !== expected.size)
    throw badRequest(`every one of the ${what} must be ranked: ${expected.size} expected, ${entries.length} given`);
  const foreign = entries.find((e) => !expected.has(e.roomId));
  if (foreign) throw badRequest(`room ${foreign.roomId} is not one of the ${what} to rank`);
}

/**
 * Positions (from 1) of rooms in their order: rooms with a stored rank first by that rank,
 * then the others by creation. Positions stay progressive when rooms come and go.
 */
export function rankPositions<T extends { id: string; createdAt: string }>(
  rooms: T[],
  storedRank: (room: T) => number | undefined,
): Map<string, number> {
  const ordered = [...rooms].sort((a, b) => {
    const ra = storedRank(a) ?? Number.POSITIVE_INFINITY;
    const rb = storedRank(b) ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra - rb;
    return a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);
  });
  return new Map(ordered.map((room, index) => [room.id, index + 1]));
}
