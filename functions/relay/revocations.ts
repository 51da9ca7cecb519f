import type { EventMessage } from '../../shared/events/message.js';
import { CHANNEL_LEFT_EVENT, isRevokeData, REVOKE_ENDPOINT, type ChannelLeftData } from '../../shared/events/revocation.js';
import { log } from '../../shared/log.js';
import { OK } from '../../shared/transport/envelopes.js';

/** The users a `relay:revoke` event removes from its channel; undefined for every other event. */
export function revokedUsers(event: EventMessage): ReadonlySet<string> | undefined {
  if (event.endpoint !== REVOKE_ENDPOINT) return undefined;
  if (isRevokeData(event.data)) return new Set(event.data.users);
  log.error('ignoring a malformed revocation', { channel: event.channel, position: event.position });
  return new Set();
}

/** `relay:channelLeft`, telling a socket it is no longer on a channel. */
export function channelLeftFrame(channel: string): string {
  const data: ChannelLeftData = { channel, reason: 'access' };
  return JSON.stringify({ type: 'event', endpoint: CHANNEL_LEFT_EVENT, channel, data, error: OK });
}
