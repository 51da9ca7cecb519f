import { probeImage } from '../media/image.js';
import { makeThumbnail } from '../media/thumbnail.js';
import { THUMBNAIL_CONTENT_TYPES, negotiateImageFormat, snapThumbnailSize, type ThumbnailFormat } from '../media/thumbnail-options.js';
import { log } from '../log.js';
import { cachedThumbnailPath, resourceThumbnailOrigin, type ThumbnailOrigin } from './thumbnail-paths.js';
import { downloadObject, objectInfo, pruneObjects, saveObject } from '../gcp/storage-objects.js';
import { SOURCE_SIZE, defaultThumbnailSize, fallbackFormat, sourceHasAlpha } from './thumbnail-sizes.js';

/** One size and format of one source generation, stored at `path`. */
export interface ThumbnailVariant {
  origin: ThumbnailOrigin;
  sourceGeneration: string;
  size: number;
  format: ThumbnailFormat;
  contentType: string;
  path: string;
  /** Changes whenever the bytes at this URL would change. */
  etag: string;
}

/**
 * Writes a resource's thumbnail source (upright, metadata stripped, at most SOURCE_SIZE) from any
 * image the media module decodes, then the default size in the fallback format and in WebP, and
 * removes the thumbnails of earlier sources. Paths depend only on the resource and the source's
 * generation, so repeating this leaves one set.
 */
export async function writeResourceThumbnails(resourceId: string, image: Buffer): Promise<void> {
  const origin = resourceThumbnailOrigin(resourceId);
  const { hasAlpha } = await probeImage(image);
  const source = await makeThumbnail(image, { size: SOURCE_SIZE, format: fallbackFormat(hasAlpha) });
  const generation = await saveObject(origin.sourcePath, source.data, source.contentType);
  const size = defaultThumbnailSize();
  const formats: ThumbnailFormat[] = [fallbackFormat(hasAlpha), 'webp'];
  await Promise.all(
    formats.map(async (format) => {
      const thumbnail = await makeThumbnail(source.data, { size, format });
      await saveObject(cachedThumbnailPath(origin, generation, size, format), thumbnail.data, thumbnail.contentType);
    }),
  );
  await pruneStale(origin, generation);
}

/** Removes a resource's thumbnails (content replaced by something without a picture). */
export async function deleteResourceThumbnails(resourceId: string): Promise<void> {
  const origin = resourceThumbnailOrigin(resourceId);
  await pruneObjects(`${origin.cacheBase}/`, () => false);
}

/**
 * The variant answering a request: the size snapped to an allowed one (the default when none is
 * given), the format negotiated from Accept. Undefined when the origin has no source image.
 */
export async function resolveVariant(
  origin: ThumbnailOrigin,
  request: { size?: number; accept?: string },
): Promise<ThumbnailVariant | undefined> {
  const source = await objectInfo(origin.sourcePath);
  if (!source) return undefined;
  const size = snapThumbnailSize(request.size ?? defaultThumbnailSize());
  const format = negotiateImageFormat(request.accept, sourceHasAlpha(source.contentType), size);
  return {
    origin,
    sourceGeneration: source.generation,
    size,
    format,
    contentType: THUMBNAIL_CONTENT_TYPES[format],
    path: cachedThumbnailPath(origin, source.generation, size, format),
    etag: `"${source.generation}-${size}-${format}"`,
  };
}

/** The variant's bytes, made from the source and cached on first request; undefined if the source vanished. */
export async function readVariant(variant: ThumbnailVariant): Promise<Buffer | undefined> {
  const cached = await downloadObject(variant.path);
  if (cached) return cached;
  return makeVariant(variant);
}

/** Makes sure the variant is stored (for direct URLs); false if the source vanished. */
export async function ensureVariant(variant: ThumbnailVariant): Promise<boolean> {
  if (await objectInfo(variant.path)) return true;
  return (await makeVariant(variant)) !== undefined;
}

async function makeVariant(variant: ThumbnailVariant): Promise<Buffer | undefined> {
  const source = await downloadObject(variant.origin.sourcePath);
  if (!source) return undefined;
  const thumbnail = await makeThumbnail(source, { size: variant.size, format: variant.format });
  await saveObject(variant.path, thumbnail.data, thumbnail.contentType);
  log.info('thumbnail made on request', { path: variant.path, bytes: thumbnail.data.length });
  await pruneStale(variant.origin, variant.sourceGeneration);
  return thumbnail.data;
}

/** Deletes cached sizes of earlier source generations. */
async function pruneStale(origin: ThumbnailOrigin, generation: string): Promise<void> {
  const current = `${origin.cacheBase}/${generation}/`;
  const removed = await pruneObjects(`${origin.cacheBase}/`, (name) => name === origin.sourcePath || name.startsWith(current));
  if (removed > 0) log.info('stale thumbnails removed', { cacheBase: origin.cacheBase, removed });
}
