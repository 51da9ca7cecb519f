import { idSchema, networkIdSchema } from './common.js';

/** The query parameter the bucket turns into the answer's Content-Disposition. */
export const DISPOSITION_PARAM = 'response-content-disposition';

const disposition = { type: 'string', minLength: 1, maxLength: 1024, pattern: '^[^\\u0000-\\u001f\\u007f]*$' } as const;

/** GET requests ignore query parameters they do not know (cache busters and the like). */
export const readRequest = {
  type: 'object',
  required: ['id'],
  properties: { id: idSchema, [DISPOSITION_PARAM]: disposition },
} as const;

export const networkReadRequest = {
  type: 'object',
  required: ['id', 'networkId'],
  properties: { id: idSchema, networkId: networkIdSchema, [DISPOSITION_PARAM]: disposition },
} as const;

const headerValue = { type: 'string', maxLength: 4096 } as const;

export const proxyRequest = {
  type: 'object',
  required: ['id'],
  properties: { id: idSchema, range: headerValue, ifNoneMatch: headerValue, ifRange: headerValue },
} as const;

export const youtubeProxyRequest = {
  type: 'object',
  required: ['url'],
  properties: { url: { type: 'string', minLength: 1, maxLength: 8192 }, range: headerValue },
} as const;
