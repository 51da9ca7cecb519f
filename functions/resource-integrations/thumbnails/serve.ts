/**
 * Partner thumbnails: the partner's image, fetched once and kept in Cloud Storage under
 * `partner-thumbnails/{provider}/{sha256(id)}/` (the image as fetched in `source`, each size and
 * format made from it in `{size}.{format}`), re-encoded with the media module's decode limits and
 * answered in the format the client's Accept header prefers.
 */
import { createHash } from 'node:crypto';
import { envInt } from '../../../shared/config.js';
import { ApiError, notFound } from '../../../shared/errors/api-error.js';
import { bucket } from '../../../shared/gcp/clients.js';
import { isMediaError } from '../../../shared/media/errors.js';
import {
  DEFAULT_THUMBNAIL_SIZE,
  negotiateImageFormat,
  snapThumbnailSize,
  THUMBNAIL_CONTENT_TYPES,
} from '../../../shared/media/thumbnail-options.js';
import { results, type OperationResult } from '../../../shared/registry/types.js';
import { fetchPartnerImage } from './partner-image.js';
import { partnerSources, type PartnerProvider } from './sources.js';
import { StoragePaths } from '../../../shared/data-layout.js';
import { isNotFound } from '../../../shared/gcp/status-codes.js';

/** The image pipeline loads with the first thumbnail made, not at a cold start. */
const media = () => import('../../../shared/media/index.js');

export interface PartnerThumbnailRequest {
  provider: PartnerProvider;
  /** the partner's id of the item (a URL for links) */
  id: string;
  size?: number;
  accept?: string;
  ifNoneMatch?: string;
}

interface Source {
  hasAlpha: boolean;
  /** present when the image was fetched by this request */
  bytes?: Buffer;
}

export const partnerThumbnailPrefix = (provider: PartnerProvider, id: string): string =>
  StoragePaths.partnerThumbnails(provider, createHash('sha256').update(id).digest('hex'));

export async function partnerThumbnail(request: PartnerThumbnailRequest): Promise<OperationResult> {
  const prefix = partnerThumbnailPrefix(request.provider, request.id);
  const size = snapThumbnailSize(request.size ?? DEFAULT_THUMBNAIL_SIZE);
  const source = (await cachedSource(prefix)) ?? (await fetchSource(request));
  const format = negotiateImageFormat(request.accept, source.hasAlpha, size);
  const contentType = THUMBNAIL_CONTENT_TYPES[format];
  const headers: Record<string, string> = {
    etag: `"${prefix.slice(-24)}-${size}-${format}"`,
    vary: 'Accept',
    'cache-control': `public, max-age=${envInt('PARTNER_THUMBNAIL_CACHE_SECONDS')}`,
  };
  if (etagMatches(request.ifNoneMatch, headers.etag)) return results.binary(Buffer.alloc(0), contentType, headers, 304);

  const variant = bucket().file(`${prefix}/${size}.${format}`);
  let data = source.bytes ? undefined : await download(variant.name);
  if (!data) {
    const original = source.bytes ?? (await download(`${prefix}/source`));
    if (!original) throw notFound(`${request.provider} thumbnail`);
    data = (await encoded(request.provider, async () => (await media()).makeThumbnail(original, { size, format }))).data;
    await variant.save(data, { resumable: false, contentType });
    if (source.bytes) await saveSource(prefix, source.bytes, source.hasAlpha);
  }
  return results.binary(data, contentType, { ...headers, 'content-length': String(data.length) });
}

async function cachedSource(prefix: string): Promise<Source | undefined> {
  try {
    const [metadata] = await bucket().file(`${prefix}/source`).getMetadata();
    return { hasAlpha: metadata.metadata?.hasAlpha === 'true' };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

async function fetchSource(request: PartnerThumbnailRequest): Promise<Source> {
  const partner = partnerSources[request.provider];
  const url = await partner.imageUrl(request.id);
  if (!url) throw notFound(`${request.provider} thumbnail`);
  const bytes = await fetchPartnerImage(request.provider, url, partner.userSupplied);
  const info = await encoded(request.provider, async () => (await media()).probeImage(bytes));
  // Amazon answers unknown ASINs with a 1x1 GIF; a single pixel is nobody's picture.
  if (info.width <= 1 && info.height <= 1) throw notFound(`${request.provider} thumbnail`);
  return { hasAlpha: info.hasAlpha, bytes };
}

/** Kept only once a thumbnail was made from it, so a source that does not decode is never cached. */
async function saveSource(prefix: string, bytes: Buffer, hasAlpha: boolean): Promise<void> {
  await bucket()
    .file(`${prefix}/source`)
    .save(bytes, { resumable: false, contentType: 'application/octet-stream', metadata: { metadata: { hasAlpha: String(hasAlpha) } } });
}

/** An image that cannot be decoded, or is over the pixel limit, is not the caller's to fix but cannot be served either: 422 naming why. */
async function encoded<T>(provider: PartnerProvider, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!isMediaError(err)) throw err;
    if (err.kind === 'timeout') throw new ApiError(503, `the ${provider} thumbnail took too long to make`);
    throw new ApiError(422, `the ${provider} image cannot be made into a thumbnail: ${err.message}`);
  }
}

async function download(path: string): Promise<Buffer | undefined> {
  try {
    const [bytes] = await bucket().file(path).download();
    return bytes;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}
