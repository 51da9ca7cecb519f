import { requireEnv } from '../config.js';
import { pubsub } from '../gcp/clients.js';
import { ensureTopic } from '../gcp/topics.js';
import { SAFE_ID_PATTERN } from '../validation/firestore-limits.js';

export type JobTopic = 'PROCESSING_TOPIC' | 'IMPORT_TOPIC' | 'AI_IMAGE_TOPIC' | 'GOOGLE_DRIVE_SYNC_TOPIC';

/** Publishes a job on the topic named by the configuration variable. */
export async function publishJob(topicVar: JobTopic, job: object): Promise<void> {
  const topic = await ensureTopic(requireEnv(topicVar));
  await pubsub().topic(topic).publishMessage({ json: job });
}

/** Ids inside jobs: resource ids as the registry issues them, never a path. */
export const jobIdSchema = { type: 'string', pattern: SAFE_ID_PATTERN } as const;

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
    generation: {
      anyOf: [
        { type: 'string', pattern: '^[0-9]{1,20}$' },
        { type: 'integer', minimum: 0 },
      ],
    },
  },
} as const;

/**
 * Remote imports on IMPORT_TOPIC:
 * - `store-remote-image`: the image is downloaded, stored as the resource's content and processed like an upload;
 * - `remote-thumbnail`: a remote resource's preview image is downloaded for thumbnails only; when
 *   `required` is false (a web page's og:image) the resource is ready without one if that fails.
 */
export type ImportJob =
  | { kind: 'store-remote-image'; resourceId: string; url: string }
  | { kind: 'remote-thumbnail'; resourceId: string; imageUrl: string; required: boolean };

const urlSchema = { type: 'string', minLength: 1, maxLength: 4096 } as const;

export const importJobSchema = {
  type: 'object',
  required: ['kind', 'resourceId'],
  oneOf: [
    { required: ['url'], properties: { kind: { const: 'store-remote-image' } } },
    { required: ['imageUrl', 'required'], properties: { kind: { const: 'remote-thumbnail' } } },
  ],
  properties: {
    kind: { enum: ['store-remote-image', 'remote-thumbnail'] },
    resourceId: jobIdSchema,
    url: urlSchema,
    imageUrl: urlSchema,
    required: { type: 'boolean' },
  },
} as const;

/** An AI image to generate on AI_IMAGE_TOPIC, for a resource created `pending`. */
export interface AiImageJob {
  resourceId: string;
  prompt: string;
  model: string;
}

export const aiImageJobSchema = {
  type: 'object',
  required: ['resourceId', 'prompt', 'model'],
  properties: {
    resourceId: jobIdSchema,
    prompt: { type: 'string', minLength: 1, maxLength: 32000 },
    model: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;
