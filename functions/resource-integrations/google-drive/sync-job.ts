/** The Google Drive directory sync job, published by resource:syncGoogleDriveDirectory on GOOGLE_DRIVE_SYNC_TOPIC. */
import { requireEnv } from '../../../shared/config.js';
import { pubsub } from '../../../shared/gcp/clients.js';
import { ensureTopic } from '../../../shared/gcp/topics.js';
import type { JsonSchema } from '../../../shared/registry/types.js';

export interface DriveSyncJob {
  userId: string;
  networkId: string;
  /** the Drive folder resource whose content is synchronized */
  resourceId: string;
}

const id = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } as const;

export const driveSyncJobSchema: JsonSchema = {
  type: 'object',
  required: ['userId', 'networkId', 'resourceId'],
  properties: { userId: id, networkId: id, resourceId: id },
};

export async function publishDriveSyncJob(job: DriveSyncJob): Promise<void> {
  const topic = await ensureTopic(requireEnv('GOOGLE_DRIVE_SYNC_TOPIC'));
  await pubsub().topic(topic).publishMessage({ json: job });
}
