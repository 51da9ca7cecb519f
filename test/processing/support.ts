import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { requireEnv } from '../../shared/config.js';
import type { EventMessage } from '../../shared/events/publish.js';
import { bucket, pubsub } from '../../shared/gcp/clients.js';
import { ensureTopic } from '../../shared/gcp/topics.js';
import { runTool, withTempDir } from '../../shared/media/tools.js';
import { publishJob, type UploadJob } from '../../shared/processing/jobs.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { resources } from '../../shared/resources/repository.js';
import type { EventTap } from '../helpers/events.js';

/** A resource as resource:create leaves it, before its content arrives. */
export async function seedResource(ownerId: string, fields: Partial<ResourceDoc> = {}): Promise<ResourceDoc> {
  const now = Date.now();
  const belonging = fields.belonging ?? `userSortingTable:${ownerId}`;
  const doc: ResourceDoc = {
    id: randomUUID(),
    created: now,
    updated: now,
    belonging,
    belongingType: belonging.split(':')[0],
    status: 'processing',
    totalReactions: 0,
    ownerId,
    networkId: 'default',
    ...fields,
  };
  await resources().doc(doc.id).create(doc);
  return doc;
}

/**
 * What the content family does when an upload completes: the bytes in Cloud Storage, then the
 * job `{ resourceId, objectPath, generation }` on PROCESSING_TOPIC.
 */
export async function uploadAndPublish(resourceId: string, bytes: Buffer): Promise<UploadJob> {
  const objectPath = `originals/${resourceId}`;
  const file = bucket().file(objectPath);
  await file.save(bytes, { resumable: false, contentType: 'application/octet-stream' });
  const job: UploadJob = { resourceId, objectPath, generation: String(file.metadata.generation) };
  await publishJob('PROCESSING_TOPIC', job);
  return job;
}

type Settled = EventMessage & { data: { belonging: string; resource: Record<string, unknown> & { status: string; failure?: string } } };

/** The `resource:updated` event that leaves the resource `ready` or `failed`. */
export function settled(events: EventTap, resourceId: string, timeoutMs = 60_000): Promise<Settled> {
  return events.next((e) => {
    if (e.endpoint !== 'resource:updated' || e.channel !== `resource:${resourceId}`) return false;
    const status = (e.data as Settled['data']).resource.status;
    return status === 'ready' || status === 'failed';
  }, timeoutMs) as Promise<Settled>;
}

export async function storedResource(id: string): Promise<ResourceDoc> {
  return (await resources().doc(id).get()).data() as ResourceDoc;
}

export async function objectNames(prefix: string): Promise<string[]> {
  const [files] = await bucket().getFiles({ prefix });
  return files.map((f) => f.name).sort();
}

/** Pulls what reaches a topic (e.g. a dead-letter topic), from a subscription made before the test publishes. */
export async function tapTopic(
  topicName: string,
): Promise<{ messages: Array<{ data: string; attributes: Record<string, string> }>; close(): Promise<void> }> {
  const topic = await ensureTopic(topicName);
  const [subscription] = await pubsub().topic(topic).createSubscription(`tap-${randomUUID()}`);
  const messages: Array<{ data: string; attributes: Record<string, string> }> = [];
  subscription.on('message', (m) => {
    m.ack();
    messages.push({ data: m.data.toString(), attributes: m.attributes });
  });
  return {
    messages,
    close: async () => {
      await subscription.close();
      await subscription.delete().catch(() => undefined);
    },
  };
}

export const processingTopic = () => requireEnv('PROCESSING_TOPIC');

/** A one-second H.264 MP4 whose frames are red in the top half and blue in the bottom half. */
export async function redTopBlueBottomMp4(width = 320, height = 240): Promise<Buffer> {
  const frame = await sharp({ create: { width, height, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .composite([
      {
        input: await sharp({ create: { width, height: height / 2, channels: 3, background: { r: 255, g: 0, b: 0 } } })
          .png()
          .toBuffer(),
        top: 0,
        left: 0,
      },
    ])
    .png()
    .toBuffer();
  return withTempDir(async (dir) => {
    await writeFile(join(dir, 'frame.png'), frame);
    const output = join(dir, 'out.mp4');
    await runTool('ffmpeg', [
      '-v',
      'error',
      '-nostdin',
      '-y',
      '-loop',
      '1',
      '-i',
      join(dir, 'frame.png'),
      '-t',
      '1',
      '-r',
      '25',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-preset',
      'ultrafast',
      '-movflags',
      '+faststart',
      output,
    ]);
    return readFile(output);
  });
}
