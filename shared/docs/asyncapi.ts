import type { Family } from '../registry/family.js';

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
  for (const family of families) {
    for (const op of family.operations) {
      const endpoint = op.bindings.websocket;
      if (!endpoint) continue;
      const key = endpoint.replace(/[^A-Za-z0-9_.-]/g, '_');
      messages[`${key}.call`] = {
        name: endpoint,
        summary: op.summary,
        payload: { type: 'object', required: ['endpoint'], properties: { endpoint: { const: endpoint }, data: op.request, event: eventMeta } },
      };
      messages[`${key}.response`] = {
        name: endpoint,
        payload: {
          type: 'object',
          properties: { type: { const: 'response' }, endpoint: { const: endpoint }, event: eventMeta, data: op.response, error: errorEnvelope },
        },
      };
      operations[key] = {
        action: 'receive',
        channel: { $ref: '#/channels/socket' },
        summary: op.summary,
        description: op.description,
        deprecated: op.deprecated || undefined,
        'x-family': family.name,
        'x-permission': op.permission,
        messages: [{ $ref: `#/channels/socket/messages/${key}.call` }],
        reply: { channel: { $ref: '#/channels/socket' }, messages: [{ $ref: `#/channels/socket/messages/${key}.response` }] },
      };
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
  channels.socket = { address: '/ws', messages };
  return {
    asyncapi: '3.0.0',
    info: { title: 'Rooms, chats and content WebSocket API', version: '0.1.0', description: 'Generated from the operation registry.' },
    servers: { relay: { host: new URL(wsUrl).host, pathname: '/ws', protocol: new URL(wsUrl).protocol.replace(':', '') } },
    channels,
    operations,
  };
}
