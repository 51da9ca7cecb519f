import type sharp from 'sharp';
import { imageDecodeError, probeImage } from './image.js';
import { loadSharp } from './lazy.js';
import { maxPixels, toolTimeoutMs } from './limits.js';
import { THUMBNAIL_CONTENT_TYPES, type ThumbnailFormat } from './thumbnail-options.js';

export * from './thumbnail-options.js';

/** Largest longest side a thumbnail may be asked for (makes every allowed size valid). */
const MAX_THUMBNAIL_SIZE = 4096;

export interface ThumbnailOptions {
  /** Longest side in pixels; an image smaller than this keeps its size. */
  size: number;
  format: ThumbnailFormat;
  /** Largest input width x height; defaults to MEDIA_MAX_PIXELS. */
  maxPixels?: number;
}

export interface Thumbnail {
  data: Buffer;
  format: ThumbnailFormat;
  contentType: string;
  width: number;
  height: number;
}

const WHITE = { r: 255, g: 255, b: 255 };

/**
 * Scales an image (first frame of an animation) so its longest side is `size`, upright per its
 * EXIF orientation, with all metadata (EXIF, GPS, ICC, XMP) stripped. PNG, WebP and AVIF keep
 * transparency; JPEG is flattened onto white. The header is checked against the pixel limit
 * before any decoding; damaged pixel data fails as MediaError 'corrupt'.
 */
export async function makeThumbnail(input: Buffer, options: ThumbnailOptions): Promise<Thumbnail> {
  const { size, format } = options;
  if (!Number.isInteger(size) || size < 1 || size > MAX_THUMBNAIL_SIZE) {
    throw new RangeError(`thumbnail size must be an integer from 1 to ${MAX_THUMBNAIL_SIZE}, got ${size}`);
  }
  const limit = options.maxPixels ?? maxPixels();
  await probeImage(input, { maxPixels: limit });

  const sharp = await loadSharp();
  const pipeline = sharp(input, { limitInputPixels: limit, failOn: 'error', pages: 1 })
    .timeout({ seconds: Math.max(1, Math.ceil(toolTimeoutMs() / 1000)) })
    .rotate()
    .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true });
  encode(pipeline, format);

  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data, format, contentType: THUMBNAIL_CONTENT_TYPES[format], width: info.width, height: info.height };
  } catch (error) {
    throw imageDecodeError(error);
  }
}

function encode(pipeline: sharp.Sharp, format: ThumbnailFormat): void {
  switch (format) {
    case 'jpeg':
      pipeline.flatten({ background: WHITE }).jpeg({ quality: 80 });
      return;
    case 'webp':
      pipeline.webp({ quality: 80 });
      return;
    case 'avif':
      pipeline.avif({ quality: 50, effort: 4 });
      return;
    case 'png':
      pipeline.png();
      return;
  }
}
