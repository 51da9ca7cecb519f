import { envInt } from '../config.js';
import { ALLOWED_THUMBNAIL_SIZES, snapThumbnailSize, type ThumbnailFormat, type ThumbnailSize } from '../media/thumbnail-options.js';

/** The largest allowed size: thumbnail sources are kept at this size, every other size is made from them. */
export const SOURCE_SIZE: ThumbnailSize = ALLOWED_THUMBNAIL_SIZES[ALLOWED_THUMBNAIL_SIZES.length - 1];

/** THUMBNAIL_DEFAULT_SIZE snapped to an allowed size. */
export function defaultThumbnailSize(): ThumbnailSize {
  return snapThumbnailSize(envInt('THUMBNAIL_DEFAULT_SIZE'));
}

/** What every client can decode: PNG keeps transparency, JPEG is smaller for opaque images. */
export function fallbackFormat(hasAlpha: boolean): ThumbnailFormat {
  return hasAlpha ? 'png' : 'jpeg';
}

/** Sources are written as PNG exactly when they have an alpha channel. */
export function sourceHasAlpha(contentType: string | undefined): boolean {
  return contentType !== 'image/jpeg';
}
