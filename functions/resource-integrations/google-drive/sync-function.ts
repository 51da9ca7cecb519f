/**
 * CloudEvent function `drive-sync` (Pub/Sub names may not start with "goog"): runs the directory sync jobs of GOOGLE_DRIVE_SYNC_TOPIC
 * and tells the user how it went with `resource:syncGoogleDriveDirectoryResult` on `user:{id}`.
 * A sync that fails for a reason the client can see (no or refused Drive authorization, folder
 * gone, Drive unavailable, tree too large) ends with `isSuccess: false` and that status and
 * message; any other failure is thrown so Pub/Sub redelivers the job, which is safe because a sync
 * run twice converges to the same resources. After the last delivery the job comes back from the
 * dead-letter topic, and the user is told the sync failed.
 */
import type { CloudEvent } from '@google-cloud/functions-framework';
import { ApiError } from '../../../shared/errors/api-error.js';
import { publishEvents } from '../../../shared/events/publish.js';
import { createLogger } from '../../../shared/log.js';
import { DEAD_LETTER_COUNT, decodeJob, type PubSubEventData } from '../../../shared/processing/job-handler.js';
import { syncDriveDirectory } from './sync.js';
import { driveSyncJobSchema, type DriveSyncJob } from './sync-job.js';
import { registerCloudEvent } from '../../../shared/transport/register-function.js';

export const RESULT_EVENT = 'resource:syncGoogleDriveDirectoryResult';

export async function runDriveSync(event: CloudEvent<PubSubEventData>): Promise<void> {
  const message = event.data?.message ?? {};
  const log = createLogger({ function: 'drive-sync', messageId: message.messageId ?? event.id });
  const job = decodeJob<DriveSyncJob>(driveSyncJobSchema, message.data, log);
  if (!job) return;
  const jobLog = log.child({ userId: job.userId, resourceId: job.resourceId });
  const deliveries = message.attributes?.[DEAD_LETTER_COUNT];
  if (deliveries !== undefined) {
    jobLog.error('Google Drive sync given up after its last delivery', { deliveries });
    await publishResult(job, { isSuccess: false, errorCode: 500, errorString: `the sync failed ${deliveries} times and was given up` });
    return;
  }
  let result: SyncResult;
  try {
    // no transport: each commit's events are published right after it
    const outcome = await syncDriveDirectory(job, {});
    jobLog.info('Google Drive directory synchronized', { ...outcome });
    result = { isSuccess: true, errorCode: 0, errorString: '' };
  } catch (err) {
    if (!(err instanceof ApiError)) {
      jobLog.error('Google Drive sync failed; it will be retried', { err });
      throw err;
    }
    jobLog.warn('Google Drive sync failed', { status: err.status, reason: err.message });
    result = { isSuccess: false, errorCode: err.status, errorString: err.message };
  }
  await publishResult(job, result);
}

interface SyncResult {
  isSuccess: boolean;
  errorCode: number;
  errorString: string;
}

async function publishResult(job: DriveSyncJob, result: SyncResult): Promise<void> {
  await publishEvents([{ endpoint: RESULT_EVENT, channel: `user:${job.userId}`, data: { resourceId: job.resourceId, ...result } }]);
}

registerCloudEvent('drive-sync', runDriveSync);
