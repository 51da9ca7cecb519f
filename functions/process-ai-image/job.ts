import { env } from '../../shared/config.js';
import { factsOf } from '../../shared/processing/content-facts.js';
import { PermanentJobError } from '../../shared/processing/errors.js';
import type { JobDefinition } from '../../shared/processing/job-handler.js';
import { aiImageJobSchema, type AiImageJob } from '../../shared/processing/jobs.js';
import { StoragePaths } from '../../shared/data-layout.js';
import { readyWithThumbnails } from '../../shared/processing/process-content.js';
import { saveObject } from '../../shared/gcp/storage-objects.js';
import { loadResource } from '../../shared/resources/repository.js';
import { generateImage } from './openai-images.js';

/** The resource's own content URL (GET /api/v0/resource/{id} redirects to the stored bytes). */
const contentUrlOf = (resourceId: string) => `${env('PUBLIC_BASE_URL')}/api/v0/resource/${resourceId}`;

/** resource:generateAIImage: generates the image, stores it as the resource's content, processes it like an upload. */
export const aiImageJob: JobDefinition<AiImageJob> = {
  name: 'process-ai-image',
  schema: aiImageJobSchema,
  key: (job) => `ai-image:${job.resourceId}`,
  resourceId: (job) => job.resourceId,
  run: async (job, log) => {
    if (!(await loadResource(job.resourceId))) return { outcome: 'gone' };
    const image = await generateImage(job.prompt, job.model);
    const facts = await factsOf(image.bytes, 'ai-image');
    if (!facts.contentType.startsWith('image/'))
      throw new PermanentJobError(`the image generation API answered ${facts.contentType}, not an image`);
    const objectPath = StoragePaths.original(job.resourceId);
    await saveObject(objectPath, image.bytes, facts.contentType);
    const patch = await readyWithThumbnails(job.resourceId, facts, log);
    log.info('AI image generated', { model: job.model, bytes: image.bytes.length, revised: image.revisedPrompt !== undefined });
    return {
      outcome: 'ready',
      patch: {
        ...patch,
        storagePath: objectPath,
        'metadata.fileName': `ai-image.${facts.contentType.split('/')[1]}`,
        ...(image.revisedPrompt ? { 'data.aiGeneration.revisedPrompt': image.revisedPrompt } : {}),
        'data.aiGeneration.url': contentUrlOf(job.resourceId),
      },
    };
  },
};
