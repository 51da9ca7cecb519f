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

const channelPositions: JsonSchema = {
  type: 'object',
  description: 'channel -> position of the last event the client received on it (0: none)',
  maxProperties: 100,
  propertyNames: { type: 'string', minLength: 3, maxLength: 420 },
  additionalProperties: { type: 'integer', minimum: 0 },
};

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
    request: { type: 'object', required: ['token'], additionalProperties: false, properties: { token: { type: 'string', minLength: 1, maxLength: 8192 } } },
    response: { type: 'object', required: ['userId'], properties: { userId: { type: 'string' } } },
  },
  {
    endpoint: RECOVER_ENDPOINT,
    summary: 'Recover events missed while disconnected',
    description:
      'Every event frame carries its `channel` and a per-channel `position` (1, 2, 3, ... the same on every relay instance). ' +
      'After reconnecting, a client joins its channels again (authentication joins `user:{id}`; resource:subscribe, ' +
      'resource:searchBelonging and sortingTable:get with subscribe join the others), then sends the last position it ' +
      'received per channel. For each channel the relay first sends the missed events, in order, as ordinary event frames, ' +
      'then answers: `recovered: true` with the position reached, or `recovered: false` with a reason when the gap is older ' +
      'than EVENT_HISTORY_SECONDS, larger than EVENT_HISTORY_LIMIT, or the socket has not joined the channel; the client then ' +
      're-queries that state. Live events of a channel being recovered are held back and follow the replay without duplicates.',
    request: { type: 'object', required: ['channels'], additionalProperties: false, properties: { channels: channelPositions } },
    response: {
      type: 'object',
      required: ['channels'],
      properties: {
        channels: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['recovered', 'position'],
            properties: {
              recovered: { type: 'boolean' },
              position: { type: 'integer', description: 'the position the client is now at on this channel' },
              replayed: { type: 'integer', description: 'events sent before this answer' },
              reason: { type: 'string' },
            },
          },
        },
      },
    },
  },
];
