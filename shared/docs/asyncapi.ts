import type { Family } from '../registry/family.js';
import type { JsonSchema } from '../registry/types.js';
import { CHANNEL_RULES, closeCodeDescriptions, RECOVERY_PROTOCOL, relayEndpoints } from '../events/relay-protocol.js';
import { channelDocs, leavingRules, relayEvents } from './asyncapi-channels.js';

const ok = { $ref: '#/components/schemas/OkStatus' };
const failed = { $ref: '#/components/schemas/ErrorStatus' };
const callEvent = {
  type: 'object',
  required: ['id'],
  description:
    'Identifies the call; the reply carries the same id. May be left out (the reply then has id null), which leaves concurrent replies indistinguishable.',
  properties: {
    id: { type: ['string', 'number'], examples: ['c-1'] },
    date: { type: 'number', description: 'client time, ms since epoch' },
  },
};
const replyEvent = {
  type: 'object',
  required: ['id', 'date'],
  properties: {
    id: { type: ['string', 'number', 'null'], description: "the call's event.id (null when the frame had none)" },
    date: { type: 'number' },
  },
};

const joined = {
  type: 'object',
  description:
    'Present when the call joined channels: channel -> its position at the join. Every later event of the channel reaches the socket; ' +
    'after a reconnect, name this position in `recover` for a channel on which no event arrived yet.',
  additionalProperties: { type: 'integer', minimum: 0 },
};

/** Message and operation keys: `resource:get` -> `resource_get`. */
export const messageKey = (name: string) => name.replace(/[^A-Za-z0-9_.-]/g, '_');
export const eventKey = (name: string) => `event.${messageKey(name)}`;

/** The reply to a call: its data with `error.status` false, or `data: null` with the error. */
export function replyPayload(endpoint: string | null, data: JsonSchema): JsonSchema {
  const base = {
    type: { const: 'response' },
    endpoint: endpoint === null ? { type: ['string', 'null'] } : { const: endpoint },
    event: replyEvent,
    joined,
  };
  const required = ['type', 'endpoint', 'event', 'data', 'error'];
  return {
    oneOf: [
      { type: 'object', required, properties: { ...base, data, error: ok } },
      { type: 'object', required, properties: { ...base, data: { type: 'null' }, error: failed } },
    ],
  };
}

function eventPayload(name: string, data: JsonSchema, channel: string, positioned = true): JsonSchema {
  return {
    type: 'object',
    required: ['type', 'endpoint', 'channel', 'data', 'error', ...(positioned ? ['position'] : [])],
    properties: {
      type: { const: 'event' },
      endpoint: { const: name },
      channel: { type: 'string', description: channel },
      ...(positioned
        ? { position: { type: 'integer', minimum: 1, description: 'per-channel position, for recovery after a reconnect' } }
        : {}),
      data,
      error: ok,
    },
  };
}

const componentSchemas = {
  OkStatus: {
    type: 'object',
    required: ['status', 'code', 'message'],
    properties: { status: { const: false }, code: { const: 0 }, message: { const: '' } },
  },
  ErrorStatus: {
    type: 'object',
    required: ['status', 'code', 'message'],
    properties: {
      status: { const: true },
      code: { type: 'integer', description: 'HTTP-like status: 400, 401, 403, 404, 409, 413, 429, 503, ...' },
      message: { type: 'string' },
    },
  },
};

/** AsyncAPI 3 document of the WebSocket methods (request/reply), the channels and their pushed events. */
export function buildAsyncApi(families: Family[], wsUrl: string): Record<string, unknown> {
  const socketMessages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const channels: Record<string, Record<string, unknown>> = {};

  const addCall = (endpoint: string, request: JsonSchema, response: JsonSchema, details: Record<string, unknown> & { summary: string }) => {
    const key = messageKey(endpoint);
    socketMessages[`${key}.call`] = {
      name: endpoint,
      title: `${endpoint} call`,
      summary: details.summary,
      payload: { type: 'object', required: ['endpoint'], properties: { endpoint: { const: endpoint }, data: request, event: callEvent } },
    };
    socketMessages[`${key}.response`] = {
      name: `${endpoint} reply`,
      title: `${endpoint} reply`,
      payload: replyPayload(endpoint, response),
    };
    operations[key] = {
      action: 'receive',
      channel: { $ref: '#/channels/socket' },
      ...details,
      messages: [{ $ref: `#/channels/socket/messages/${key}.call` }],
      reply: { channel: { $ref: '#/channels/socket' }, messages: [{ $ref: `#/channels/socket/messages/${key}.response` }] },
    };
  };

  for (const relay of relayEndpoints)
    addCall(relay.endpoint, relay.request, relay.response, { summary: relay.summary, description: relay.description, 'x-family': 'relay' });
  for (const family of families) {
    for (const op of family.operations) {
      const endpoint = op.bindings.websocket;
      if (!endpoint) continue;
      const notes = [
        op.description,
        op.deprecated ? `Deprecated${op.replacedBy ? `: use \`${op.replacedBy}\`` : ''}.` : undefined,
        `Permission: ${op.permission}.`,
      ];
      addCall(endpoint, op.request, op.response, {
        summary: op.summary,
        description: notes.filter(Boolean).join('\n\n'),
        ...(op.deprecated ? { 'x-deprecated': true } : {}),
        'x-family': family.name,
        'x-permission': op.permission,
      });
    }
    for (const ev of family.events) {
      const doc = channelDocs[ev.channel];
      channels[ev.channel] ??= {
        address: doc.address,
        title: `${ev.channel} channel`,
        description: `${doc.description} ${leavingRules}`,
        parameters: { [doc.parameter]: { description: `the ${doc.parameter} of the channel` } },
        messages: {},
      };
      const key = eventKey(ev.name);
      (channels[ev.channel].messages as Record<string, unknown>)[key] = {
        name: ev.name,
        title: ev.name,
        summary: ev.summary,
        payload: eventPayload(ev.name, ev.payload, doc.address),
      };
      operations[key] = {
        action: 'send',
        channel: { $ref: `#/channels/${ev.channel}` },
        summary: ev.summary,
        'x-family': family.name,
        messages: [{ $ref: `#/channels/${ev.channel}/messages/${key}` }],
      };
    }
  }

  for (const ev of relayEvents) {
    const key = eventKey(ev.name);
    socketMessages[key] = {
      name: ev.name,
      title: ev.name,
      summary: ev.summary,
      ...(ev.description && { description: ev.description }),
      payload: eventPayload(ev.name, ev.payload, 'the channel concerned', ev.positioned),
    };
    operations[key] = {
      action: 'send',
      channel: { $ref: '#/channels/socket' },
      summary: ev.summary,
      'x-family': 'relay',
      messages: [{ $ref: `#/channels/socket/messages/${key}` }],
    };
  }
  socketMessages.callError = {
    name: 'call error',
    title: 'Reply to a frame that is not a valid call',
    summary:
      'A frame that is not JSON, has no endpoint or names an unknown one is answered with its endpoint and event id where it had them.',
    payload: replyPayload(null, { type: 'null' }),
  };
  operations.callError = {
    action: 'send',
    channel: { $ref: '#/channels/socket' },
    summary: 'Reply to a frame the relay could not route',
    'x-family': 'relay',
    messages: [{ $ref: '#/channels/socket/messages/callError' }],
  };

  const url = new URL(wsUrl);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Rooms, chats and content WebSocket API',
      version: '0.1.0',
      description:
        'Generated from the operation registry. One socket carries calls (`{ endpoint, data, event: { id, date } }`), their replies ' +
        '(`{ type: "response", endpoint, event, data, error }`) and the events of the channels the socket has joined ' +
        '(`{ type: "event", endpoint, channel, position, data, error }`). The HTTP API is in `/openapi.json`.',
    },
    servers: {
      relay: {
        host: url.host,
        pathname: '/ws',
        protocol: url.protocol.replace(':', ''),
        description: 'The WebSocket relay (Cloud Run), behind the same host as the HTTP API.',
        security: [{ $ref: '#/components/securitySchemes/bearer' }],
      },
    },
    channels: {
      socket: {
        address: '/ws',
        title: 'The socket',
        description:
          'One JSON text frame per message. Authenticate with `Authorization: Bearer` on the upgrade request or a first `auth` frame; never in the URL. ' +
          `Close codes: ${Object.entries(closeCodeDescriptions)
            .map(([code, text]) => `${code} ${text}`)
            .join('; ')}. Recovery: ${RECOVERY_PROTOCOL} ` +
          `Channels: ${CHANNEL_RULES}`,
        'x-close-codes': closeCodeDescriptions,
        messages: socketMessages,
      },
      ...channels,
    },
    operations,
    components: {
      schemas: componentSchemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'On the upgrade request; or send an `auth` frame first.',
        },
      },
    },
  };
}
