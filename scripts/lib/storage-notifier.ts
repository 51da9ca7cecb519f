import type { Bucket } from '@google-cloud/storage';
import { requireEnv } from '../../shared/config.js';
import { finalizeNotification, type ObjectResource } from '../../shared/content/storage-notification.js';
import { StoragePaths } from '../../shared/data-layout.js';
import { bucket as contentBucket, pubsub } from '../../shared/gcp/clients.js';
import { ensureTopic } from '../../shared/gcp/topics.js';
import { log } from '../../shared/log.js';

/**
 * The Storage emulator of firebase-tools sends its finalize events only to a Firebase Functions
 * emulator registered in its own process (`trigger_multicast`), not to a URL or a Pub/Sub topic.
 * Locally, this watcher stands in for the bucket's Pub/Sub notification: it lists the watched
 * prefix every `intervalMs`, and for every object whose generation it has not announced yet it
 * publishes on UPLOADS_TOPIC the message Cloud Storage would (attributes `eventType`
 * OBJECT_FINALIZE, `bucketId`, `objectId`, `objectGeneration`; data the object resource JSON).
 * Delivery is at least once, as in production: objects present at start are announced too (their
 * completion is idempotent), so uploads made while the stack was down are not lost.
 */
export interface StorageNotifierOptions {
  /** default: STORAGE_BUCKET */
  bucket?: Bucket;
  /** default: `originals/` */
  prefix?: string;
  /** default: 200 ms */
  intervalMs?: number;
  /** default: UPLOADS_TOPIC */
  topic?: string;
}

export interface StorageNotifier {
  /** Lists once and publishes what is new; resolves with the number of notifications published. */
  poll(): Promise<number>;
  stop(): Promise<void>;
}

export async function startStorageNotifier(options: StorageNotifierOptions = {}): Promise<StorageNotifier> {
  const bucket = options.bucket ?? contentBucket();
  const prefix = options.prefix ?? StoragePaths.originalsPrefix;
  const intervalMs = options.intervalMs ?? 200;
  const topic = pubsub().topic(await ensureTopic(options.topic ?? requireEnv('UPLOADS_TOPIC')));
  /** object name -> last generation announced */
  const announced = new Map<string, string>();

  const poll = async (): Promise<number> => {
    const objects = await listObjects(bucket, prefix);
    const present = new Set<string>();
    let published = 0;
    for (const object of objects) {
      present.add(object.name);
      const generation = String(object.generation);
      if (announced.get(object.name) === generation) continue;
      await topic.publishMessage(finalizeNotification({ ...object, bucket: bucket.name }));
      announced.set(object.name, generation);
      published++;
    }
    for (const name of announced.keys()) if (!present.has(name)) announced.delete(name);
    return published;
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const loop = () => {
    running = poll()
      .catch((err: unknown) => log.warn('storage notifier pass failed', { err, bucket: bucket.name }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  loop();
  log.info('storage notifier watching', { bucket: bucket.name, prefix, topic: topic.name, intervalMs });

  return {
    poll: () => poll(),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Every object under the prefix, as JSON API object resources; a bucket not created yet holds none. */
async function listObjects(bucket: Bucket, prefix: string): Promise<ObjectResource[]> {
  try {
    const [files] = await bucket.getFiles({ prefix, autoPaginate: true });
    return files.map((file) => file.metadata as ObjectResource);
  } catch (err) {
    if ((err as { code?: number }).code === 404) return [];
    throw err;
  }
}
