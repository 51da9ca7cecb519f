import { publishJob, type JobTopic } from '../../../shared/processing/jobs.js';
import { resources } from '../../../shared/resources/repository.js';

/**
 * Queues the job that completes a just-created resource. If the job cannot be queued the resource
 * is removed again, so no resource waits for a job that will never come.
 */
export async function queueJobFor(resourceId: string, topic: JobTopic, job: object): Promise<void> {
  try {
    await publishJob(topic, job);
  } catch (error) {
    await resources().doc(resourceId).delete();
    throw error;
  }
}
