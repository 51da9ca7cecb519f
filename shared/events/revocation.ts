import type { Channel, EventPublisher } from '../registry/types.js';

/**
 * An internal event: the users named lose the channel. It travels through the ordinary publish
 * path (so it takes a position and is ordered with the channel's other events); every relay
 * instance removes the users' sockets from the channel when its in-order stream reaches it, and
 * never delivers it to a socket.
 */
export const REVOKE_ENDPOINT = 'relay:revoke';

/** Pushed to a socket removed from a channel: `{ channel, reason }`. */
export const CHANNEL_LEFT_EVENT = 'relay:channelLeft';

export interface RevokeData {
  users: string[];
}

export interface ChannelLeftData {
  channel: string;
  reason: 'access';
}

/** Queues a revocation of `channel` for `users` (nothing when the list is empty). */
export function revoke(ctx: { events: EventPublisher }, channel: Channel, users: Iterable<string>): void {
  const list = [...new Set(users)];
  if (list.length > 0) ctx.events.emit(REVOKE_ENDPOINT, channel, { users: list } satisfies RevokeData);
}

export function isRevokeData(data: unknown): data is RevokeData {
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as RevokeData).users) &&
    (data as RevokeData).users.every((u) => typeof u === 'string')
  );
}
