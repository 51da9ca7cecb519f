import { CHANNEL_LEFT_EVENT } from '../events/revocation.js';
import { CHANNEL_RULES, channelLeftPayload, RECOVERED_EVENT, recoveryOutcome } from '../events/relay-protocol.js';
import type { ChannelKind, JsonSchema } from '../registry/types.js';

/** The event channels a socket can be on, with who may join them and how (the relay enforces it). */
export const channelDocs: Record<ChannelKind, { address: string; parameter: string; description: string }> = {
  user: {
    address: 'user:{userId}',
    parameter: 'userId',
    description:
      'Events for one user: their sorting table, upload sessions, Drive syncs, processing results. Joined automatically when the socket ' +
      "authenticates, for the token's own user only; nobody else can join it.",
  },
  resource: {
    address: 'resource:{resourceId}',
    parameter: 'resourceId',
    description:
      'Changes of one resource. Joined by reading it with `resource:get` (or a call that reads it for the socket), which needs read ' +
      'access to the resource; an id the caller may not read answers 404 and joins nothing.',
  },
  belonging: {
    address: 'belonging:{belonging}',
    parameter: 'belonging',
    description:
      'Changes of the resources of a shared belonging (a community channel, a sorting table asked with `subscribe`). Joined by ' +
      '`resource:searchBelonging` or `sortingTable:get` with `subscribe: true`, which need read access to that belonging.',
  },
  room: {
    address: 'room:{roomId}',
    parameter: 'roomId',
    description:
      'Events of a room: reactions, chats room changes, forwarded messages. Joined by members only: by showing the room ' +
      '(`resource:searchBelonging` of `room:{roomId}` or a prop in it, `roomProps:{roomId}`) or by reacting in it; ' +
      '`resource:unsubscribeFromBelonging` of the same belonging leaves it.',
  },
};

export const leavingRules =
  'A socket stays on a channel until it leaves it (`resource:unsubscribeFromBelonging`, a call answering `leave`), closes, or its ' +
  `user loses access (then \`${CHANNEL_LEFT_EVENT}\` tells it). ${CHANNEL_RULES} ` +
  'Channel positions and recovery after a reconnect are described on the socket channel.';

export interface RelayEvent {
  name: string;
  summary: string;
  description?: string;
  payload: JsonSchema;
  /** whether the frame carries a channel position (events published on a channel do; the relay's own notices do not) */
  positioned: boolean;
}

/**
 * Frames the relay pushes on its own, beside the families' events. An access change that removes a
 * socket from a channel (relay:channelLeft) is declared here, so the document and the drift check know it.
 */
export const relayEvents: RelayEvent[] = [
  {
    name: RECOVERED_EVENT,
    summary: 'Outcome of recovering a channel named in relay:recover or the auth frame, pushed when the channel is joined',
    payload: recoveryOutcome,
    positioned: false,
  },
  {
    name: CHANNEL_LEFT_EVENT,
    summary:
      'The socket was removed from a channel because its user may no longer see what the channel carries; no later event of it follows',
    description: CHANNEL_RULES,
    payload: channelLeftPayload,
    positioned: false,
  },
];
