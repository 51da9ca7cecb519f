import type { RestInput } from '../../../shared/registry/types.js';
import { request, urlSchema } from './common.js';

/** Longest side asked for; snapped to the nearest allowed thumbnail size at or above it. */
const size = { type: 'integer', minimum: 1, maximum: 4096 } as const;
const ifNoneMatch = { type: 'string', maxLength: 1000 } as const;

export const partnerThumbnailRequest = <const I extends { type: 'string'; pattern: string }>(id: I) =>
  request({ id, size, ifNoneMatch }, ['id']);
export const linkThumbnailRequest = request({ url: urlSchema, size, ifNoneMatch }, ['url']);

export const revalidation: RestInput = { body: 'none', headers: { 'if-none-match': 'ifNoneMatch' } };
