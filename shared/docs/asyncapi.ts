import type { Family } from '../registry/family.js';
import type { JsonSchema } from '../registry/types.js';
import { CHANNEL_LEFT_EVENT } from '../events/revocation.js';
import { CHANNEL_RULES, channelLeftPayload, closeCodeDescriptions, RECOVERED_EVENT, RECOVERY_PROTOCOL, recoveryOutcome, relayEndpoints } from '../events/relay-protocol.js';

const errorEnvelope = {
  type: 'object',
  required: ['status', 'code', 'message'],
  properties: { status: { type: 'boolean' }, code: { type: 'integer' }, message: { type: 'string' } },
};
const eventMeta = { type: 'object', properties: { id: { type: 'string' }, date: { type: 'integer' } } };

/** AsyncAPI 3 document of the WebSocket methods (request/reply) and pushed events. */
export function buildAsyncApi(families: Family[], wsUrl: string): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const addCall = (endpoint: string, request: JsonSchema, response: JsonSchema, details: Record<string, unknown> & { summary: string }) => {
    const key = endpoint.replace(/[^A-Za-z0-9_.-]/g, '_');
    messages[`${key}.call`] = {
      name: endpoint,
      summary: details.summary,
      payload: { type: 'object', required: ['endpoint'], properties: { endpoint: { const: endpoint }, data: request, event: eventMeta } },
    };
    messages[`${key}.response`] = {
      name: endpoint,
      payload: {
        type: 'object',
        properties: { type: { const: 'response' }, endpoint: { const: endpoint }, event: eventMeta, data: response, error: errorEnvelope },
      },
    };
    operations[key] = {
      action: 'receive',
      channel: { $ref: '#/channels/socket' },
      ...details,
      messages: [{ $ref: `#/channels/socket/messages/${key}.call` }],
      reply: { channel: { $ref: '#/channels/socket' }, messages: [{ $ref: `#/channels/socket/messages/${key}.response` }] },
    };
  };
  for (const relay of relayEndpoints) addCall(relay.endpoint, relay.request, relay.response, { summary: relay.summary, description: relay.description, 'x-family': 'relay' });
  for (const family of families) {
    for (const op of family.operations) {
      const endpoint = op.bindings.websocket;
      if (!endpoint) continue;
      addCall(endpoint, op.request, op.response, {
        summary: op.summary,
        description: op.description,
        deprecated: op.deprecated || undefined,
        'x-family': family.name,
        'x-permission': op.permission,
      });
    }
    for (const ev of family.events) {
      const key = `event.${ev.name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
      messages[key] = {
        name: ev.name,
        summary: ev.summary,
        'x-channel-kind': ev.channel,
        payload: {
          type: 'object',
          properties: {
            type: { const: 'event' },
            endpoint: { const: ev.name },
            channel: { type: 'string', description: `${ev.channel}:{id}` },
            position: { type: 'integer', description: 'per-channel position, for recovery after a reconnect' },
            data: ev.payload,
            error: errorEnvelope,
          },
        },
      };
      operations[key] = { action: 'send', channel: { $ref: '#/channels/socket' }, summary: ev.summary, messages: [{ $ref: `#/channels/socket/messages/${key}` }] };
    }
  }
  const recovered = `event.${RECOVERED_EVENT.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
  messages[recovered] = {
    name: RECOVERED_EVENT,
    summary: 'Outcome of recovering a channel named in relay:recover or the auth frame, pushed when the channel is joined',
    payload: { type: 'object', properties: { type: { const: 'event' }, endpoint: { const: RECOVERED_EVENT }, channel: { type: 'string' }, data: recoveryOutcome, error: errorEnvelope } },
  };
  operations[recovered] = { action: 'send', channel: { $ref: '#/channels/socket' }, summary: 'Recovery outcome of a channel', 'x-family': 'relay', messages: [{ $ref: `#/channels/socket/messages/${recovered}` }] };
  const left = `event.${CHANNEL_LEFT_EVENT.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
  messages[left] = {
    name: CHANNEL_LEFT_EVENT,
    summary: 'The socket was removed from a channel because its user may no longer see what the channel carries',
    description: CHANNEL_RULES,
    payload: { type: 'object', properties: { type: { const: 'event' }, endpoint: { const: CHANNEL_LEFT_EVENT }, channel: { type: 'string' }, data: channelLeftPayload, error: errorEnvelope } },
  };
  operations[left] = { action: 'send', channel: { $ref: '#/channels/socket' }, summary: 'Removal from a channel whose access ended', 'x-family': 'relay', messages: [{ $ref: `#/channels/socket/messages/${left}` }] };
  channels.socket = {
    address: '/ws',
    description:
      'One JSON text frame per message. Authenticate with `Authorization: Bearer` on the upgrade request or a first `auth` frame; never in the URL. ' +
      `Close codes: ${Object.entries(closeCodeDescriptions).map(([code, text]) => `${code} ${text}`).join('; ')}. Recovery: ${RECOVERY_PROTOCOL} Channels: ${CHANNEL_RULES}`,
    'x-close-codes': closeCodeDescriptions,
    messages,
  };
  return {
    asyncapi: '3.0.0',
    info: { title: 'Rooms, chats and content WebSocket API', version: '0.1.0', description: 'Generated from the operation registry.' },
    servers: { relay: { host: new URL(wsUrl).host, pathname: '/ws', protocol: new URL(wsUrl).protocol.replace(':', '') } },
    channels,
    operations,
  };
}
