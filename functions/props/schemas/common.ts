import { SAFE_ID_PATTERN } from '../../../shared/validation/firestore-limits.js';

export const propIdSchema = { type: 'string', pattern: SAFE_ID_PATTERN } as const;
export const roomIdSchema = { type: 'string', format: 'uuid' } as const;

/** Every prop operation names the prop by its room and its id. */
export const target = { roomId: roomIdSchema, propId: propIdSchema } as const;

export const emptyResponse = { type: 'object', additionalProperties: false, properties: {} } as const;
