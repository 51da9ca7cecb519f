import type { JsonSchema } from '../../shared/registry/types.js';
import { idSchema, resourceSchema } from '../../shared/resources/schema.js';

export const networkIdSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } as const;

/** The query parameter the bucket turns into the answer's Content-Disposition. */
export const DISPOSITION_PARAM = 'response-content-disposition';

const disposition = { type: 'string', minLength: 1, maxLength: 1024, pattern: '^[^\\u0000-\\u001f\\u007f]*$' } as const;

/** GET requests ignore query parameters they do not know (cache busters and the like). */
export const readRequest: JsonSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: idSchema, [DISPOSITION_PARAM]: disposition },
};

export const networkReadRequest: JsonSchema = {
  type: 'object',
  required: ['id', 'networkId'],
  properties: { id: idSchema, networkId: networkIdSchema, [DISPOSITION_PARAM]: disposition },
};

export const urlRequest: JsonSchema = { type: 'object', required: ['id'], properties: { id: idSchema } };

export const networkUrlRequest: JsonSchema = {
  type: 'object',
  required: ['id', 'networkId'],
  properties: { id: idSchema, networkId: networkIdSchema },
};

const headerValue = { type: 'string', maxLength: 4096 } as const;

export const proxyRequest: JsonSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: idSchema, range: headerValue, ifNoneMatch: headerValue, ifRange: headerValue },
};

export const noBody: JsonSchema = { type: 'object', description: 'no JSON body: see the operation description' };

/** `GET /api/v0/resource/url/{id}`: the signed bucket URL and when it stops working. */
export const directUrl: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'expiresAt'],
  properties: {
    url: { type: 'string', format: 'uri', description: 'signed Cloud Storage GET URL of the bytes' },
    expiresAt: { type: 'integer', minimum: 0, description: 'ms since the epoch after which the URL no longer works' },
  },
};

/** `resource:getResourceUrl` / `resource:getUrl` (seed 000). */
export const resourceUrl: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: { type: 'string', format: 'uri' },
    encryptionVersion: { type: 'string' },
    encryptionEpoch: { type: 'integer' },
    encryptionEpk: { type: 'string' },
  },
};

export const getResourceUrlRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceId'],
  properties: { resourceId: idSchema },
};

export const getUrlRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['resource'],
  properties: { resource: idSchema },
};

export const uploadContentRequest: JsonSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: idSchema, content: { type: 'object' } },
};

export const uploadTargetRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: idSchema },
};


export { uploadTargetSchema as uploadTarget } from '../../shared/content/upload-target.js';

export const resourceAnswer: JsonSchema = resourceSchema;
