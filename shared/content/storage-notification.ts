/**
 * Cloud Storage Pub/Sub notifications (payload format JSON_API_V1): the attributes name the event
 * and the object; the data is the object resource as the JSON API describes it.
 * https://cloud.google.com/storage/docs/pubsub-notifications
 */
export const OBJECT_FINALIZE = 'OBJECT_FINALIZE';

export interface StoredObjectEvent {
  eventType: string;
  bucketId: string;
  objectId: string;
  /** int64 as a decimal string */
  objectGeneration: string;
}

/** The object resource fields a notification carries that completion relies on. */
export interface ObjectResource {
  bucket: string;
  name: string;
  generation: string | number;
  [field: string]: unknown;
}

/** The attributes of a notification message, or undefined when they do not describe a stored-object event. */
export function readNotification(attributes: Record<string, string> | undefined): StoredObjectEvent | undefined {
  const { eventType, bucketId, objectId, objectGeneration } = attributes ?? {};
  if (!eventType || !bucketId || !objectId || !objectGeneration || !/^[0-9]{1,20}$/.test(objectGeneration)) return undefined;
  return { eventType, bucketId, objectId, objectGeneration };
}

/** The message Cloud Storage publishes when an object is finalized (used by the local notifier). */
export function finalizeNotification(object: ObjectResource): { data: Buffer; attributes: Record<string, string> } {
  return {
    data: Buffer.from(JSON.stringify(object)),
    attributes: {
      notificationConfig: `projects/_/buckets/${object.bucket}/notificationConfigs/local`,
      eventType: OBJECT_FINALIZE,
      payloadFormat: 'JSON_API_V1',
      bucketId: object.bucket,
      objectId: object.name,
      objectGeneration: String(object.generation),
      eventTime: new Date().toISOString(),
    },
  };
}
