import type sharp from 'sharp';
import exifReader from 'exif-reader';
import { MediaError, reasonOf } from './errors.js';
import { loadSharp } from './lazy.js';
import { maxPixels } from './limits.js';
import type { Geolocation } from './types.js';

export interface ImageInfo {
  /** sharp's name of the decoder: jpeg, png, webp, gif, avif, tiff, ... */
  format: string;
  /** Pixel grid as stored in the file (one frame for animations), before orientation is applied. */
  width: number;
  height: number;
  /** EXIF orientation 1-8 (1 when absent). 5-8 swap width and height on display. */
  orientation: number;
  /** Size once orientation is applied: what a viewer shows. */
  displayWidth: number;
  displayHeight: number;
  hasAlpha: boolean;
  /** Frames (GIF/WebP animation) or pages (TIFF); 1 for a still image. */
  pages: number;
  animated: boolean;
  geolocation?: Geolocation;
}

export interface ImageLimits {
  /** Largest width x height accepted; defaults to MEDIA_MAX_PIXELS. */
  maxPixels?: number;
}

/**
 * Reads an image's header (no pixel decoding) and checks its declared size against the pixel
 * limit, so an image bomb is refused before any pixel buffer is allocated. Damage further into
 * the file surfaces when pixels are decoded (makeThumbnail).
 */
export async function probeImage(input: Buffer, limits: ImageLimits = {}): Promise<ImageInfo> {
  let metadata: sharp.Metadata;
  try {
    const sharp = await loadSharp();
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw imageDecodeError(error);
  }
  const { width, height, format } = metadata;
  if (!width || !height || !format) throw new MediaError('corrupt', 'image header has no dimensions');
  assertWithinPixelLimit(width, height, limits.maxPixels ?? maxPixels());

  const orientation = metadata.orientation && metadata.orientation >= 1 && metadata.orientation <= 8 ? metadata.orientation : 1;
  const swapped = orientation >= 5;
  const pages = metadata.pages ?? 1;
  const geolocation = metadata.exif ? geolocationFromExif(metadata.exif) : undefined;
  return {
    format,
    width,
    height,
    orientation,
    displayWidth: swapped ? height : width,
    displayHeight: swapped ? width : height,
    hasAlpha: metadata.hasAlpha ?? false,
    pages,
    animated: pages > 1 && (format === 'gif' || format === 'webp'),
    ...(geolocation ? { geolocation } : {}),
  };
}

export function assertWithinPixelLimit(width: number, height: number, limit: number): void {
  const pixels = width * height;
  if (pixels > limit) {
    throw new MediaError('too-large', `image too large: ${width}x${height} = ${pixels} pixels, limit ${limit} pixels`);
  }
}

/** Turns a sharp/libvips failure into a MediaError with the decoder's reason. */
export function imageDecodeError(error: unknown): MediaError {
  const reason = reasonOf(error);
  if (/pixel limit/i.test(reason)) return new MediaError('too-large', `image too large: ${reason}`, { cause: error });
  if (/unsupported image format/i.test(reason))
    return new MediaError('unsupported', `unsupported image format: ${reason}`, { cause: error });
  if (/timeout/i.test(reason)) return new MediaError('timeout', `image processing timed out: ${reason}`, { cause: error });
  return new MediaError('corrupt', `image cannot be decoded: ${reason}`, { cause: error });
}

/** Latitude/longitude in decimal degrees from the EXIF GPS block; undefined when absent or malformed. */
export function geolocationFromExif(exif: Buffer): Geolocation | undefined {
  let gps: ReturnType<typeof exifReader>['GPSInfo'];
  try {
    gps = exifReader(exif).GPSInfo;
  } catch {
    return undefined;
  }
  if (!gps) return undefined;
  const latitude = decimalDegrees(gps.GPSLatitude, gps.GPSLatitudeRef, 'S', 90);
  const longitude = decimalDegrees(gps.GPSLongitude, gps.GPSLongitudeRef, 'W', 180);
  if (latitude === undefined || longitude === undefined) return undefined;
  return { latitude, longitude };
}

function decimalDegrees(dms: unknown, ref: unknown, negativeRef: string, bound: number): number | undefined {
  if (!Array.isArray(dms) || dms.length === 0) return undefined;
  const [degrees, minutes = 0, seconds = 0] = dms as unknown[];
  if (![degrees, minutes, seconds].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) return undefined;
  const magnitude = (degrees as number) + (minutes as number) / 60 + (seconds as number) / 3600;
  if (magnitude > bound) return undefined;
  const sign = typeof ref === 'string' && ref.trim().toUpperCase() === negativeRef ? -1 : 1;
  return Math.round(sign * magnitude * 1e7) / 1e7;
}
