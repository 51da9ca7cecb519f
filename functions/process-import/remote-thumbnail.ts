import { FieldValue } from '@google-cloud/firestore';
import type { Logger } from '../../shared/log.js';
import { reasonOf } from '../../shared/media/errors.js';
import { factsOf } from '../../shared/processing/content-facts.js';
import { PermanentJobError, isPermanentJobError } from '../../shared/processing/errors.js';
import type { JobResult } from '../../shared/processing/job-handler.js';
import { thumbnailUrlOf, type ResourcePatch } from '../../shared/processing/resource-patch.js';
import { downloadRemote } from '../../shared/processing/remote-image.js';
import { writeResourceThumbnails } from '../../shared/processing/thumbnail-store.js';
import { loadResource } from '../../shared/resources/repository.js';

/**
 * Thumbnails of a remote resource (resource:createRemoteUrlResource): from the image itself for
 * `remote#image` (`required`: the resource is that image, so a broken one fails it), from the
 * page's preview image for `roomful#url` (optional: a page without a usable one is still a link).
 */
export async function remoteThumbnail(resourceId: string, imageUrl: string, required: boolean, log: Logger): Promise<JobResult> {
  if (!(await loadResource(resourceId))) return { outcome: 'gone' };
  try {
    const facts = await factsOf(await downloadRemote(imageUrl, 'remote-thumbnail'));
    if (!facts.thumbnailImage) throw new PermanentJobError(`the image URL answered ${facts.contentType}, not an image that can be shown`);
    await writeResourceThumbnails(resourceId, facts.thumbnailImage);
    const patch: ResourcePatch = {
      status: 'ready',
      failure: FieldValue.delete(),
      thumbnail: thumbnailUrlOf(resourceId),
      'data.thumbnailUrl': imageUrl,
    };
    if (required && facts.dimensions) patch['metadata.dimensions'] = facts.dimensions;
    return { outcome: 'ready', patch };
  } catch (error) {
    if (required || !isPermanentJobError(error)) throw error;
    log.warn('link kept without a preview image', { imageUrl, reason: reasonOf(error) });
    return { outcome: 'ready', patch: { status: 'ready', failure: FieldValue.delete() } };
  }
}
