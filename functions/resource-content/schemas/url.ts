import { idSchema, networkIdSchema } from './common.js';

export const urlRequest = { type: 'object', required: ['id'], properties: { id: idSchema } } as const;

export const networkUrlRequest = {
  type: 'object',
  required: ['id', 'networkId'],
  properties: { id: idSchema, networkId: networkIdSchema },
} as const;

/** `GET /api/v0/resource/url/{id}`: the signed bucket URL and when it stops working. */
export const directUrl = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'expiresAt'],
  properties: {
    url: { type: 'string', format: 'uri', description: 'signed Cloud Storage GET URL of the bytes' },
    expiresAt: { type: 'integer', minimum: 0, description: 'ms since the epoch after which the URL no longer works' },
  },
} as const;

/** `resource:getResourceUrl` / `resource:getUrl` (seed 000). */
export const resourceUrl = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: { type: 'string', format: 'uri' },
    encryptionVersion: { type: 'string' },
    encryptionEpoch: { type: 'integer' },
    encryptionEpk: { type: 'string' },
  },
} as const;

export const getResourceUrlRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceId'],
  properties: { resourceId: idSchema },
} as const;

export const getUrlRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['resource'],
  properties: { resource: idSchema },
} as const;
