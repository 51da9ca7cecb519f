import type { JsonSchema } from '../../shared/registry/types.js';

export const emptyObject: JsonSchema = { type: 'object', additionalProperties: false, properties: {} };
export const anyObject: JsonSchema = { type: 'object' };

export const healthStatus: JsonSchema = {
  type: 'object',
  required: ['isLive', 'status', 'dependencies'],
  additionalProperties: false,
  properties: {
    isLive: { type: 'boolean' },
    status: { enum: ['ok', 'warn', 'error'] },
    dependencies: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'isHealthy'],
        additionalProperties: false,
        properties: {
          name: {
            enum: ['database', 'xmpp_server', 'event_dispatcher', 'storage_service', 'previewer_service', 'authentication_service', 'profiling_service', 'videoserver_service'],
          },
          isHealthy: { type: 'boolean' },
        },
      },
    },
  },
};

export const token: JsonSchema = {
  type: 'object',
  required: ['zmToken'],
  additionalProperties: false,
  properties: { zmToken: { type: 'string' } },
};
