import { StoragePaths } from '../data-layout.js';

/** An upright image from which every thumbnail size is made, and the folder caching those sizes. */
export interface ThumbnailOrigin {
  sourcePath: string;
  cacheBase: string;
}

/** A resource's thumbnail source is written by processing: upright, metadata stripped, at most the largest size. */
export function resourceThumbnailOrigin(resourceId: string): ThumbnailOrigin {
  const base = StoragePaths.resourceThumbnails(resourceId);
  return { sourcePath: `${base}/source`, cacheBase: base };
}

/** A picture is its own thumbnail source. */
export function pictureThumbnailOrigin(picturePath: string): ThumbnailOrigin {
  return { sourcePath: picturePath, cacheBase: StoragePaths.pictureThumbnails(picturePath) };
}

export const cachedThumbnailPath = (origin: ThumbnailOrigin, sourceGeneration: string, size: number, format: string): string =>
  `${origin.cacheBase}/${sourceGeneration}/${size}.${format}`;
