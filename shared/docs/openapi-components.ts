import type { JsonSchema, RestStyle } from '../registry/types.js';

const errorStatus: JsonSchema = {
  type: 'object',
  required: ['status', 'code', 'message'],
  properties: {
    status: { type: 'boolean', const: true, description: 'true: the call failed' },
    code: { type: 'integer', description: 'HTTP status of the failure', examples: [404] },
    message: { type: 'string', description: 'what is wrong, naming the offending field', examples: ['resource 0b6f... does not exist'] },
  },
};

const okStatus: JsonSchema = {
  type: 'object',
  required: ['status', 'code', 'message'],
  properties: { status: { type: 'boolean', const: false }, code: { type: 'integer', const: 0 }, message: { type: 'string', const: '' } },
};

/** Reusable schemas of the document: the error envelopes of each family and the JSON-RPC status member. */
export const componentSchemas: Record<string, JsonSchema> = {
  ErrorStatus: errorStatus,
  OkStatus: okStatus,
  ChatsError: {
    type: 'object',
    description: 'Error body of the Chats API (seed 003).',
    required: ['traceId', 'message'],
    properties: {
      traceId: { type: 'string', description: 'request id, also in the server log', examples: ['3f2a9c1e7b'] },
      message: { type: 'string', examples: ['roomId must match format "uuid"'] },
    },
  },
  ResourceError: {
    type: 'object',
    description: 'Error body of the resource, props, reactions and ressource APIs (seeds 000, 001, 002, 004).',
    required: ['error'],
    properties: { error: { $ref: '#/components/schemas/ErrorStatus' } },
  },
  RpcError: {
    type: 'object',
    description: 'JSON-RPC error answer: `data` is null and the HTTP status equals `error.code`.',
    required: ['data', 'error'],
    properties: { data: { type: 'null' }, error: { $ref: '#/components/schemas/ErrorStatus' } },
  },
};

export const errorSchemaRef = (style: RestStyle | 'rpc'): JsonSchema => ({
  $ref: `#/components/schemas/${style === 'chats' ? 'ChatsError' : style === 'rpc' ? 'RpcError' : 'ResourceError'}`,
});

export const securitySchemes = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A JWT: locally `npm run token`, in production a Firebase Auth / Identity Platform ID token.',
  },
  sessionId: { type: 'apiKey', in: 'header', name: 'X-Session-Id', description: 'The same JWT in the X-Session-Id header.' },
  cookie: { type: 'apiKey', in: 'cookie', name: 'ZM_AUTH_TOKEN', description: 'The same JWT in the ZM_AUTH_TOKEN cookie.' },
};
