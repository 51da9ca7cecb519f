import { requireEnv } from '../config.js';
import { pubsub } from '../gcp/clients.js';
import { ensureTopic } from '../gcp/topics.js';

export type JobTopic = 'PROCESSING_TOPIC' | 'IMPORT_TOPIC' | 'AI_IMAGE_TOPIC';

/** Publishes a job on the topic named by the configuration variable. */
export async function publishJob(topicVar: JobTopic, job: object): Promise<void> {
  const topic = await ensureTopic(requireEnv(topicVar));
  await pubsub().topic(topic).publishMessage({ json: job });
}

/** Ids inside jobs: resource ids as the registry issues them, never a path. */
export const jobIdSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } as const;

/** A completed upload, as the content family publishes it on PROCESSING_TOPIC. */
export interface UploadJob {
  resourceId: string;
  objectPath: string;
  /** Cloud Storage generation of the uploaded object (int64, as a string or a number). */
  generation: string | number;
}

export const uploadJobSchema = {
  type: 'object',
  required: ['resourceId', 'objectPath', 'generation'],
  properties: {
    resourceId: jobIdSchema,
    objectPath: { type: 'string', minLength: 1, maxLength: 1024 },
    generation: { anyOf: [{ type: 'string', pattern: '^[0-9]{1,20}$' }, { type: 'integer', minimum: 0 }] },
  },
} as const;
