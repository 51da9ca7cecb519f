import type { CloudEvent } from '@google-cloud/functions-framework';
import { reasonOf } from '../media/errors.js';
import { createLogger, type Logger } from '../log.js';
import type { JsonSchema } from '../registry/types.js';
import { validateRequest } from '../validation/validator.js';
import { failureReason, isPermanentJobError } from './errors.js';
import { claimJob, holdLease, isRunning, readJob, releaseJob } from './job-ledger.js';
import type { ResourcePatch } from './resource-patch.js';
import { markProcessing, settleFailed, settleJob } from './settle.js';

/** The CloudEvent data of a Pub/Sub message, as functions-framework builds it from a push request. */
export interface PubSubEventData {
  message?: {
    data?: string;
    attributes?: Record<string, string>;
    messageId?: string;
  };
}

/** How a job ended: the resource patch to apply (none for a job with nothing to change) and a word for the ledger. */
export interface JobResult {
  outcome: string;
  patch?: ResourcePatch;
}

export interface JobDefinition<J> {
  /** Function name, for logs. */
  name: string;
  /** JSON Schema of the message body. */
  schema: JsonSchema;
  /** Identity of the work: deliveries with the same key do it once. */
  key(job: J): string;
  resourceId(job: J): string;
  run(job: J, log: Logger): Promise<JobResult>;
}

/** Attribute Pub/Sub sets on a message it forwards to a dead-letter topic. */
export const DEAD_LETTER_COUNT = 'CloudPubSubDeadLetterSourceDeliveryCount';

/**
 * A CloudEvent function running one kind of processing job:
 * - the job is claimed in the ledger first; a job already done is acknowledged without work;
 * - a permanent failure (bad content, refused URL) settles the resource as `failed` with the reason;
 * - any other error is thrown, so Pub/Sub redelivers with backoff;
 * - after the last attempt Pub/Sub forwards the message to the dead-letter topic, whose push
 *   subscription delivers it here again: then the resource is settled as `failed` (unless the job
 *   was done meanwhile).
 */
export function createJobHandler<J>(definition: JobDefinition<J>): (event: CloudEvent<PubSubEventData>) => Promise<void> {
  return async (event) => {
    const message = event.data?.message ?? {};
    const log = createLogger({ function: definition.name, messageId: message.messageId ?? event.id });
    const job = decodeJob<J>(definition.schema, message.data, log);
    if (!job) return;
    const key = definition.key(job);
    const resourceId = definition.resourceId(job);
    const jobLog = log.child({ resourceId, job: key });

    const deadLetterCount = message.attributes?.[DEAD_LETTER_COUNT];
    if (deadLetterCount !== undefined) return giveUp(key, resourceId, deadLetterCount, jobLog);

    const claim = await claimJob(key, resourceId);
    if (claim.kind === 'done') return jobLog.info('job already done: delivery acknowledged without work');
    if (claim.kind === 'busy') throw new Error(`job ${key} is being processed by another delivery; retry later`);

    const stopRenewing = holdLease(key, (error) => jobLog.warn('job lease not renewed', { err: error }));
    try {
      await markProcessing(resourceId);
      const result = await definition.run(job, jobLog);
      await settleJob(key, resourceId, result.patch, result.outcome);
    } catch (error) {
      stopRenewing();
      if (isPermanentJobError(error)) {
        jobLog.warn('job failed', { reason: failureReason(error) });
        await settleFailed(key, resourceId, failureReason(error));
        return;
      }
      jobLog.error('job failed; it will be retried', { err: error, attempt: claim.attempts });
      await releaseJob(key, reasonOf(error)).catch((releaseError: unknown) =>
        jobLog.error('job lease not released', { err: releaseError }),
      );
      throw error;
    } finally {
      stopRenewing();
    }
  };
}

/**
 * The dead letter of a job that is still running elsewhere (a duplicate delivery, or a worker that
 * died with its lease not yet expired) is retried until that job ends or its lease runs out.
 */
async function giveUp(key: string, resourceId: string, deliveries: string, log: Logger): Promise<void> {
  const record = await readJob(key);
  if (record?.state === 'done') return log.info('dead-lettered delivery of a settled job ignored');
  if (isRunning(record)) throw new Error(`job ${key} is still running; its dead letter is settled once it ends or its lease expires`);
  const last = record?.lastError ? `: ${record.lastError}` : '';
  log.error('job given up after its last delivery', { deliveries, lastError: record?.lastError });
  await settleFailed(key, resourceId, `processing gave up after ${deliveries} attempts${last}`);
}

/** The job in the message, or undefined for a message that can never be processed (logged and acknowledged). */
export function decodeJob<J>(schema: JsonSchema, data: string | undefined, log: Logger): J | undefined {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(data ?? '', 'base64').toString('utf8'));
  } catch {
    log.error('job message is not JSON; dropped');
    return undefined;
  }
  try {
    return validateRequest<J>(schema, body);
  } catch (error) {
    log.error('job message is invalid; dropped', { reason: reasonOf(error), body });
    return undefined;
  }
}
