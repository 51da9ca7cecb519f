/** The Google Drive directory sync job, published by resource:syncGoogleDriveDirectory on GOOGLE_DRIVE_SYNC_TOPIC. */
import { jobIdSchema, publishJob } from '../../../shared/processing/jobs.js';

export interface DriveSyncJob {
  userId: string;
  networkId: string;
  /** the Drive folder resource whose content is synchronized */
  resourceId: string;
}

export const driveSyncJobSchema = {
  type: 'object',
  required: ['userId', 'networkId', 'resourceId'],
  properties: { userId: jobIdSchema, networkId: jobIdSchema, resourceId: jobIdSchema },
} as const;

export const publishDriveSyncJob = (job: DriveSyncJob): Promise<void> => publishJob('GOOGLE_DRIVE_SYNC_TOPIC', job);
