import type { JSONSchema } from 'json-schema-to-ts';
import { idSchema } from '../../../shared/resources/schema.js';

/** Any size is accepted and snapped to an allowed one; absurd values are refused. */
export const sizeSchema = { type: 'integer', minimum: 1, maximum: 10000 } as const;

/** Opaque ids of networks (tenants). */
export const networkIdSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } as const;

/** `{ id, size? }` from the path, plus the If-None-Match header for revalidation. */
export function thumbnailRequest<const I extends JSONSchema>(id: I) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: { id, size: sizeSchema, ifNoneMatch: { type: 'string', maxLength: 1000 } },
  } as const;
}

export const resourceThumbnailRequest = thumbnailRequest(idSchema);

export const urlAnswer = {
  type: 'object',
  required: ['url'],
  properties: { url: { type: 'string' } },
} as const;

/** Declared headers copied into the input of thumbnail operations. */
export const revalidationHeaders = { headers: { 'if-none-match': 'ifNoneMatch' } } as const;

/** Answers an image (served by the transport), so no JSON body is described. */
export const imageAnswer = {} as const;

const encryptionFields = {
  encryptionVersion: { type: 'string' },
  encryptionEpoch: { type: 'integer' },
  encryptionEpk: { type: 'string' },
} as const;

export const getThumbnailUrlRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceId'],
  properties: { resourceId: idSchema, thumbnailSize: sizeSchema },
} as const;

export const getThumbnailUrlResponse = {
  type: 'object',
  required: ['url'],
  properties: { url: { type: 'string' }, ...encryptionFields },
} as const;
