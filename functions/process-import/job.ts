import type { JobDefinition } from '../../shared/processing/job-handler.js';
import { importJobSchema, type ImportJob } from '../../shared/processing/jobs.js';
import { remoteThumbnail } from './remote-thumbnail.js';
import { storeRemoteImage } from './store-remote-image.js';

/** Remote content: images imported as content, and preview images of remote URL resources. */
export const importJob: JobDefinition<ImportJob> = {
  name: 'process-import',
  schema: importJobSchema,
  key: (job) => `import:${job.resourceId}`,
  resourceId: (job) => job.resourceId,
  run: (job, log) =>
    job.kind === 'store-remote-image'
      ? storeRemoteImage(job.resourceId, job.url, log)
      : remoteThumbnail(job.resourceId, job.imageUrl, job.required, log),
};
