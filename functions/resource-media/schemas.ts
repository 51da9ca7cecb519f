import type { JsonSchema } from '../../shared/registry/types.js';
import { idSchema } from '../../shared/resources/schema.js';

/** Any size is accepted and snapped to an allowed one; absurd values are refused. */
export const sizeSchema = { type: 'integer', minimum: 1, maximum: 10000 } as const;

/** Opaque ids of networks (tenants). */
export const networkIdSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } as const;

/** `{ id, size? }` from the path, plus the If-None-Match header for revalidation. */
export function thumbnailRequest(id: JsonSchema): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: { id, size: sizeSchema, ifNoneMatch: { type: 'string', maxLength: 1000 } },
  };
}

export const resourceThumbnailRequest = thumbnailRequest(idSchema);

export const urlAnswer: JsonSchema = {
  type: 'object',
  required: ['url'],
  properties: { url: { type: 'string' } },
};

/** Declared headers copied into the input of thumbnail operations. */
export const revalidationHeaders = { headers: { 'if-none-match': 'ifNoneMatch' } } as const;
