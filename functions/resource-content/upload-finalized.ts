import type { CloudEvent } from '@google-cloud/functions-framework';
import { completeUpload } from '../../shared/content/completion.js';
import { StoragePaths } from '../../shared/data-layout.js';
import { OBJECT_FINALIZE, readNotification } from '../../shared/content/storage-notification.js';
import { requireEnv } from '../../shared/config.js';
import { createLogger } from '../../shared/log.js';
import { registerCloudEvent } from '../../shared/transport/register-function.js';

/** The CloudEvent data of a Pub/Sub message (Eventarc in production, a push subscription locally). */
interface PubSubEventData {
  message?: { data?: string; attributes?: Record<string, string>; messageId?: string };
}

/**
 * The bucket's OBJECT_FINALIZE notifications (UPLOADS_TOPIC): a direct upload to a resource's
 * original completed. Other events, objects and buckets are acknowledged and ignored; a failure
 * is thrown so Pub/Sub redelivers. Completion is idempotent per object generation; its events are
 * published right after its commit (the outbox sweeper publishes them if that fails).
 */
export async function onUploadFinalized(event: CloudEvent<PubSubEventData>): Promise<void> {
  const message = event.data?.message;
  const log = createLogger({ function: 'upload-finalized', messageId: message?.messageId ?? event.id });
  const notice = readNotification(message?.attributes);
  if (!notice) return log.warn('message is not a Cloud Storage notification: dropped', { attributes: message?.attributes });
  if (notice.eventType !== OBJECT_FINALIZE || !StoragePaths.resourceIdOf(notice.objectId)) return;
  if (notice.bucketId !== requireEnv('STORAGE_BUCKET'))
    return log.warn('notification of another bucket: dropped', { bucketId: notice.bucketId });

  await completeUpload(notice.objectId, notice.objectGeneration, {}, log);
}

registerCloudEvent('upload-finalized', onUploadFinalized);
