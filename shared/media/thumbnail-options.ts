/**
 * Thumbnail sizes and formats: pure functions for the HTTP layer (no image library loaded).
 */

/** Longest-side sizes thumbnails are made in; any requested size snaps to one of them. */
export const ALLOWED_THUMBNAIL_SIZES = [64, 128, 256, 512, 1024, 2048] as const;
export type ThumbnailSize = (typeof ALLOWED_THUMBNAIL_SIZES)[number];
export const DEFAULT_THUMBNAIL_SIZE: ThumbnailSize = 512;

export const THUMBNAIL_FORMATS = ['jpeg', 'webp', 'avif', 'png'] as const;
export type ThumbnailFormat = (typeof THUMBNAIL_FORMATS)[number];

export const THUMBNAIL_CONTENT_TYPES: Record<ThumbnailFormat, string> = {
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  png: 'image/png',
};

/** From this size up AVIF is preferred over WebP when a client accepts both. */
export const AVIF_MIN_SIZE = 1024;

/** The smallest allowed size >= requested; the largest allowed size when above them all. */
export function snapThumbnailSize(requested: number): ThumbnailSize {
  const sizes = ALLOWED_THUMBNAIL_SIZES;
  for (const size of sizes) if (size >= requested) return size;
  return sizes[sizes.length - 1];
}

/**
 * Picks the thumbnail format to answer a request with, from its Accept header.
 *
 * - WebP and AVIF are served only to clients that name them (`image/webp`, `image/avif`):
 *   `image/*` and `*\/*` are sent by clients that may not decode them.
 * - Among formats of equal q-value the order is: for size >= AVIF_MIN_SIZE avif, webp; below it
 *   webp, avif (AVIF encodes many times slower than WebP and its byte savings only pay off on
 *   large images); then jpeg for opaque images or png for images with alpha.
 * - JPEG is never chosen for an image with alpha unless nothing else is acceptable.
 * - A missing header, or one that accepts none of the formats, gets jpeg (png with alpha):
 *   an image answer is more useful than a 406 for an <img> tag.
 */
export function negotiateImageFormat(
  acceptHeader: string | undefined,
  hasAlpha: boolean,
  size: number = DEFAULT_THUMBNAIL_SIZE,
): ThumbnailFormat {
  const fallback: ThumbnailFormat = hasAlpha ? 'png' : 'jpeg';
  const ranges = parseAccept(acceptHeader ?? '');
  if (ranges.length === 0) return fallback;

  const modern: ThumbnailFormat[] = size >= AVIF_MIN_SIZE ? ['avif', 'webp'] : ['webp', 'avif'];
  const classic: ThumbnailFormat[] = hasAlpha ? ['png', 'jpeg'] : ['jpeg', 'png'];
  const preference = [...modern, ...classic];

  let best: { format: ThumbnailFormat; q: number } | undefined;
  for (const format of preference) {
    const q = qualityOf(ranges, THUMBNAIL_CONTENT_TYPES[format], format === 'webp' || format === 'avif');
    const penalized = hasAlpha && format === 'jpeg' ? q / 1000 : q;
    if (penalized > 0 && (!best || penalized > best.q)) best = { format, q: penalized };
  }
  return best?.format ?? fallback;
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [range, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const slash = range.indexOf('/');
    if (slash <= 0 || slash === range.length - 1) continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name === 'q') {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 1;
      }
    }
    ranges.push({ type: range.slice(0, slash), subtype: range.slice(slash + 1), q });
  }
  return ranges;
}

/** q of the most specific range matching `mediaType` (RFC 9110 §12.5.1); 0 when none matches. */
function qualityOf(ranges: MediaRange[], mediaType: string, explicitOnly: boolean): number {
  const [type, subtype] = mediaType.split('/');
  let bestSpecificity = -1;
  let q = 0;
  for (const range of ranges) {
    let specificity: number;
    if (range.type === type && range.subtype === subtype) specificity = 2;
    else if (explicitOnly) continue;
    else if (range.type === type && range.subtype === '*') specificity = 1;
    else if (range.type === '*' && range.subtype === '*') specificity = 0;
    else continue;
    if (specificity > bestSpecificity) {
      bestSpecificity = specificity;
      q = range.q;
    }
  }
  return q;
}
