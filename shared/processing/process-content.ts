import { isMediaError, reasonOf } from '../media/errors.js';
import type { Logger } from '../log.js';
import type { ContentFacts } from './content-facts.js';
import { readyPatch, type ResourcePatch } from './resource-patch.js';
import { deleteResourceThumbnails, writeResourceThumbnails } from './thumbnail-store.js';

/**
 * Writes the thumbnails of analysed content and answers the patch that makes the resource
 * `ready`. For an image, a thumbnail that cannot be made means the image is damaged: the error
 * fails the job. For other content (cover art, a video frame, a PDF page) the resource stays
 * usable without a thumbnail.
 */
export async function readyWithThumbnails(resourceId: string, facts: ContentFacts, log: Logger): Promise<ResourcePatch> {
  let hasThumbnail = false;
  if (facts.thumbnailImage) {
    try {
      await writeResourceThumbnails(resourceId, facts.thumbnailImage);
      hasThumbnail = true;
    } catch (error) {
      if (facts.contentType.startsWith('image/') || !isMediaError(error)) throw error;
      log.warn('no thumbnail for this content', { reason: reasonOf(error), contentType: facts.contentType });
    }
  }
  if (!hasThumbnail) await deleteResourceThumbnails(resourceId);
  return readyPatch(resourceId, facts, hasThumbnail);
}
