import { badRequest } from '../../../shared/errors/api-error.js';

export interface RankEntry {
  roomId: string;
  rank: number;
}

/**
 * A new order must give every expected room exactly one rank, and the ranks must be the
 * progressive numbers 1..n. `what` names the rooms in messages ("workspaces", "channels").
 */
export function checkRanks(entries: RankEntry[], expectedRoomIds: Iterable<string>, what: string): void {
  const expected = new Set(expectedRoomIds);
  const seen = new Set<string>();
  for (const { roomId } of entries) {
    if (seen.has(roomId)) throw badRequest(`room ${roomId} is ranked more than once`);
    seen.add(roomId);
    if (!expected.has(roomId)) throw badRequest(`room ${roomId} is not one of the ${what} to rank`);
  }
  const missing = [...expected].filter((id) => !seen.has(id));
  if (missing.length > 0) throw badRequest(`every one of the ${what} must be ranked; missing: ${missing.join(', ')}`);
  const ranks = entries.map((e) => e.rank).sort((a, b) => a - b);
  ranks.forEach((rank, index) => {
    if (rank !== index + 1) throw badRequest(`ranks must be the progressive numbers 1..${entries.length} without duplicates`);
  });
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
