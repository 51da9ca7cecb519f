import { factsOfStoredObject } from '../../shared/processing/content-facts.js';
import type { JobDefinition } from '../../shared/processing/job-handler.js';
import { uploadJobSchema, type UploadJob } from '../../shared/processing/jobs.js';
import { readyWithThumbnails } from '../../shared/processing/process-content.js';
import { loadResource } from '../../shared/resources/repository.js';

/** A completed upload: sniff, extract metadata, make thumbnails, and settle the resource `ready` or `failed`. */
export const uploadJob: JobDefinition<UploadJob> = {
  name: 'process-upload',
  schema: uploadJobSchema,
  key: (job) => `upload:${job.resourceId}:${job.generation}`,
  resourceId: (job) => job.resourceId,
  run: async (job, log) => {
    const resource = await loadResource(job.resourceId);
    if (!resource) return { outcome: 'gone' };
    const fileName = typeof resource.metadata?.fileName === 'string' ? resource.metadata.fileName : undefined;
    const stored = await factsOfStoredObject(job.objectPath, String(job.generation), fileName);
    if (stored.kind === 'superseded') {
      log.info('upload replaced before processing; the newer upload has its own job', { currentGeneration: stored.currentGeneration });
      return { outcome: 'superseded' };
    }
    return { outcome: 'ready', patch: await readyWithThumbnails(job.resourceId, stored.facts, log) };
  },
};
