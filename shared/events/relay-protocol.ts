import type { JsonSchema } from '../registry/types.js';

/**
 * The relay's own part of the WebSocket protocol: the frames it answers itself (not forwarded to a
 * function) and the close codes it uses. The AsyncAPI document is built from these declarations.
 */
export const closeCodes = {
  /** SIGTERM: the instance is being replaced; reconnect (and recover) */
  serviceRestart: 1012,
  internalError: 1011,
  /** a frame above RELAY_MAX_FRAME_BYTES (sent by `ws` itself) */
  frameTooLarge: 1009,
  /** no token, a bad or expired token, or no `auth` frame in time */
  unauthorized: 4401,
  /** more than RELAY_MAX_BUFFERED_BYTES waiting to be sent: the client reads too slowly */
  slowConsumer: 4413,
  /** too many sockets, or new sockets per minute, for this user */
  tooManyConnections: 4429,
} as const;

export const closeCodeDescriptions: Record<number, string> = {
  [closeCodes.serviceRestart]: 'service restart: the relay instance is shutting down; reconnect and recover',
  [closeCodes.internalError]: 'internal error',
  [closeCodes.frameTooLarge]: 'a frame was larger than RELAY_MAX_FRAME_BYTES',
  [closeCodes.unauthorized]: 'missing, invalid or expired token, or no auth frame within RELAY_AUTH_TIMEOUT_MS (the reason says which)',
  [closeCodes.slowConsumer]: 'slow consumer: more than RELAY_MAX_BUFFERED_BYTES waiting to be sent',
  [closeCodes.tooManyConnections]: 'too many sockets open, or opened per minute, for this user',
};

export const AUTH_ENDPOINT = 'auth';
export const RECOVER_ENDPOINT = 'relay:recover';
/** pushed when a channel named in `relay:recover` (or the auth frame) has been joined and recovered */
export const RECOVERED_EVENT = 'relay:recovered';

const channelPositions: JsonSchema = {
  type: 'object',
  description: 'channel -> position of the last event the client received on it (0: none)',
  maxProperties: 100,
  propertyNames: { type: 'string', minLength: 3, maxLength: 420 },
  additionalProperties: { type: 'integer', minimum: 0 },
};

/** Outcome of recovering one channel: in the `relay:recover` answer and in `relay:recovered` event frames. */
export const recoveryOutcome: JsonSchema = {
  type: 'object',
  required: ['status', 'position'],
  properties: {
    status: { enum: ['recovered', 'pending', 'unrecoverable'] },
    position: { type: 'integer', description: 'the position the client is at on this channel' },
    replayed: { type: 'integer', description: 'missed events sent before this outcome' },
    reason: { type: 'string', description: 'why recovery is impossible: re-query the state of that channel' },
  },
};

export const RECOVERY_PROTOCOL = [
  'Every event frame carries its `channel` and a per-channel `position` (1, 2, 3, ... assigned by the event sequencer shortly',
  'after the change that caused it committed, the same on every relay instance). Every event whose change committed reaches',
  'each socket joined to its channel, in position order, or is recoverable after a reconnect. To recover after a reconnect, keep the last position received per channel',
  '(for a channel with no event yet: the position the joining reply gives in `joined`, the `auth` reply for `user:{id}`) and,',
  'on the new socket, name those positions before joining the channels again: in the auth frame (`recover`), or in',
  '`relay:recover` sent before the subscribing calls (resource:subscribe, resource:searchBelonging, sortingTable:get',
  'with subscribe, ...). A named channel is recovered the moment it is joined: the missed events are sent as ordinary',
  "event frames, in order, then a `relay:recovered` event frame with the outcome, then the joining call's own reply, then",
  'live events, without duplicates. The `relay:recover` answer gives `pending` for channels not joined yet and the outcome',
  'for channels already joined (`user:{id}` is joined at authentication; it is recovered if no live event went out on it',
  'before the request). `unrecoverable` (gap older than EVENT_HISTORY_SECONDS, more than EVENT_HISTORY_LIMIT events,',
  'a position ahead of the channel) means: re-query that state.',
].join(' ');

export interface RelayEndpoint {
  endpoint: string;
  summary: string;
  description: string;
  request: JsonSchema;
  response: JsonSchema;
}

export const relayEndpoints: RelayEndpoint[] = [
  {
    endpoint: AUTH_ENDPOINT,
    summary: 'Authenticate the socket (or refresh its token)',
    description:
      'Sockets opened without `Authorization: Bearer` must send this as their first frame within RELAY_AUTH_TIMEOUT_MS; ' +
      'a missing or bad token closes the socket with 4401. Tokens are never read from the URL. ' +
      'Sent again on an authenticated socket, it replaces the token (same user only) before the old one expires; ' +
      'a socket whose token expires is closed with 4401. On success the socket has joined `user:{userId}`.',
    request: {
      type: 'object',
      required: ['token'],
      additionalProperties: false,
      properties: { token: { type: 'string', minLength: 1, maxLength: 8192 }, recover: channelPositions },
    },
    response: { type: 'object', required: ['userId'], properties: { userId: { type: 'string' } } },
  },
  {
    endpoint: RECOVER_ENDPOINT,
    summary: 'Recover the events missed while disconnected',
    description: RECOVERY_PROTOCOL,
    request: { type: 'object', required: ['channels'], additionalProperties: false, properties: { channels: channelPositions } },
    response: {
      type: 'object',
      required: ['channels'],
      properties: { channels: { type: 'object', additionalProperties: recoveryOutcome } },
    },
  },
];

/**
 * Who may be on which channel, and when the relay removes a socket (README, architecture: the
 * relay paragraph says the same).
 */
export const CHANNEL_RULES = [
  'A socket is on `user:{its user}` from authentication on. It joins other channels only through a call whose function',
  'checked that the user may see what the channel carries: `resource:{id}` (resource:subscribe, resource:get ... of a',
  'readable resource), `belonging:{belonging}` (resource:searchBelonging of a readable directory or community,',
  'sortingTable:get of the own table), `room:{id}` (resource:searchBelonging of a room, a prop or roomProps, or a',
  'reaction in the room: room members only). When that access ends (removed from or leaving a room, room deleted, a',
  "resource or directory moved, deleted or re-privatised out of the user's sight, a share withdrawn), every socket of",
  'the user leaves the channel on every relay instance before any later event of the channel is sent, and receives a',
  '`relay:channelLeft` event frame `{ channel, reason: "access" }`. Joining again takes the same check. The position',
  'such a removal takes on the channel is never delivered: positions seen by a socket may skip a number.',
].join(' ');

export const channelLeftPayload: JsonSchema = {
  type: 'object',
  required: ['channel', 'reason'],
  properties: {
    channel: { type: 'string', description: 'the channel the socket is no longer on' },
    reason: { const: 'access', description: 'the user may no longer see what the channel carries' },
  },
};
