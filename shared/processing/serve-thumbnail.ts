import { envInt } from '../config.js';
import { notFound, unprocessable } from '../errors/api-error.js';
import { bucket } from '../gcp/clients.js';
import { isMediaError } from '../media/errors.js';
import { results, type OperationResult } from '../registry/types.js';
import type { ThumbnailOrigin } from './thumbnail-paths.js';
import { ensureVariant, readVariant, resolveVariant, type ThumbnailVariant } from './thumbnail-store.js';

export interface ThumbnailRequest {
  size?: number;
  accept?: string;
  ifNoneMatch?: string;
}

/**
 * Answers a thumbnail: made and cached on first request, negotiated on Accept (hence
 * `Vary: Accept`), privately cacheable, revalidated by ETag (304 without a body).
 */
export async function thumbnailAnswer(origin: ThumbnailOrigin, request: ThumbnailRequest, what: string): Promise<OperationResult> {
  const variant = await variantOrNotFound(origin, request, what);
  const headers: Record<string, string> = {
    etag: variant.etag,
    vary: 'Accept',
    'cache-control': `private, max-age=${envInt('THUMBNAIL_CACHE_SECONDS')}`,
  };
  if (etagMatches(request.ifNoneMatch, variant.etag)) return results.binary(Buffer.alloc(0), variant.contentType, headers, 304);
  const data = await made(what, () => readVariant(variant));
  if (!data) throw notFound(what);
  return results.binary(data, variant.contentType, { ...headers, 'content-length': String(data.length) });
}

/** A signed, time-limited Cloud Storage URL of the thumbnail, made first if it is not stored yet. */
export async function thumbnailSignedUrl(origin: ThumbnailOrigin, request: ThumbnailRequest, what: string): Promise<string> {
  const variant = await variantOrNotFound(origin, request, what);
  if (!(await made(what, () => ensureVariant(variant)))) throw notFound(what);
  const [url] = await bucket()
    .file(variant.path)
    .getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + envInt('SIGNED_URL_TTL_SECONDS') * 1000 });
  return url;
}

async function variantOrNotFound(origin: ThumbnailOrigin, request: ThumbnailRequest, what: string): Promise<ThumbnailVariant> {
  const variant = await resolveVariant(origin, request);
  if (!variant) throw notFound(what);
  return variant;
}

/** A source that does not decode (a damaged picture) is the client's to fix: 422 with the reason. */
async function made<T>(what: string, make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    if (isMediaError(error)) throw unprocessable(`${what} cannot be made: ${error.message}`);
    throw error;
  }
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}
