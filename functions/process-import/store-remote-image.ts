import type { Logger } from '../../shared/log.js';
import { factsOf } from '../../shared/processing/content-facts.js';
import { PermanentJobError } from '../../shared/processing/errors.js';
import type { JobResult } from '../../shared/processing/job-handler.js';
import { StoragePaths } from '../../shared/data-layout.js';
import { readyWithThumbnails } from '../../shared/processing/process-content.js';
import { downloadRemote } from '../../shared/processing/remote-image.js';
import { saveObject } from '../../shared/gcp/storage-objects.js';
import { loadResource } from '../../shared/resources/repository.js';

/** The last path segment of a URL, as the file name of imported content. */
export function fileNameOf(url: string): string | undefined {
  try {
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return name.length > 0 && name.length <= 255 ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * resource:remoteImageUpload: the image becomes the resource's own content (stored like an
 * upload, at originals/{id}) and is processed like one.
 */
export async function storeRemoteImage(resourceId: string, url: string, log: Logger): Promise<JobResult> {
  const resource = await loadResource(resourceId);
  if (!resource) return { outcome: 'gone' };
  const bytes = await downloadRemote(url, 'remote-image');
  const fileName = fileNameOf(url);
  const facts = await factsOf(bytes, fileName);
  if (!facts.contentType.startsWith('image/'))
    throw new PermanentJobError(`the URL did not answer with an image but with ${facts.contentType}`);
  const objectPath = StoragePaths.original(resourceId);
  await saveObject(objectPath, bytes, facts.contentType);
  const patch = await readyWithThumbnails(resourceId, facts, log);
  if (fileName && !resource.metadata?.fileName) patch['metadata.fileName'] = fileName;
  return { outcome: 'ready', patch: { ...patch, storagePath: objectPath } };
}
