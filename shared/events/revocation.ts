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

export function isRevokeData(data: unknown): data is RevokeData {
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as RevokeData).users) &&
    (data as RevokeData).users.every((u) => typeof u === 'string')
  );
}
