import { requireEnv } from '../config.js';
import { pubsub } from '../gcp/clients.js';
import { ensureTopic } from '../gcp/topics.js';

/** The job published on PROCESSING_TOPIC when a resource's bytes are complete. */
export interface ProcessingJob {
  resourceId: string;
  objectPath: string;
  /** Cloud Storage generation of the completed object (int64 as a decimal string) */
  generation: string;
}

/** Message attribute naming the work: deliveries (and re-publications) with the same key are one job. */
export const IDEMPOTENCY_ATTRIBUTE = 'idempotencyKey';

export const processingJobKey = (job: ProcessingJob): string => `upload:${job.resourceId}:${job.generation}`;

/** Publishes a processing job; returns the Pub/Sub message id. */
export async function publishProcessingJob(job: ProcessingJob): Promise<string> {
  const topic = await ensureTopic(requireEnv('PROCESSING_TOPIC'));
  return pubsub()
    .topic(topic)
    .publishMessage({ json: job, attributes: { [IDEMPOTENCY_ATTRIBUTE]: processingJobKey(job), resourceId: job.resourceId } });
}
