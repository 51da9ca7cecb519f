export const emptyObject = { type: 'object', additionalProperties: false, properties: {} } as const;
export const anyObject = { type: 'object' } as const;

export const healthStatus = {
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
            enum: [
              'database',
              'xmpp_server',
              'event_dispatcher',
              'storage_service',
              'previewer_service',
              'authentication_service',
              'profiling_service',
              'videoserver_service',
            ],
          },
          isHealthy: { type: 'boolean' },
        },
      },
    },
  },
} as const;

export const token = {
  type: 'object',
  required: ['zmToken'],
  additionalProperties: false,
  properties: { zmToken: { type: 'string' } },
} as const;
