import type { JsonSchema } from '../../../shared/registry/types.js';

export const propIdSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } as const;
export const roomIdSchema = { type: 'string', format: 'uuid' } as const;

/** Every prop operation names the prop by its room and its id. */
export const target = { roomId: roomIdSchema, propId: propIdSchema };

export const emptyResponse: JsonSchema = { type: 'object', additionalProperties: false, properties: {} };
