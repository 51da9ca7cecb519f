import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import {
  BLUE,
  GREEN,
  RED,
  closeTo,
  halfTransparentPng,
  leftRedRightBlueJpeg,
  noiseJpeg,
  pixelAt,
  pngBomb,
  redGreenBlueAnimation,
  taggedMp3,
  threePagePdf,
} from '../fixtures/media.js';
import { resourceSchema } from '../../shared/resources/schema.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { ApiClient } from '../helpers/client.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { bucket } from '../../shared/gcp/clients.js';
import { publishJob } from '../../shared/processing/jobs.js';
import { objectNames, redTopBlueBottomMp4, seedResource, settled, storedResource, tapTopic, uploadAndPublish } from './support.js';

let stack: TestStack;
let events: EventTap;
let api: ApiClient;
let owner: { id: string; token: string };

beforeAll(async () => {
  stack = await startTestStack({
    deployables: deployables.filter((d) => ['resources', 'resource-media', 'process-upload'].includes(d.name)),
  });
  events = await tapEvents();
  owner = await stack.user();
  api = new ApiClient(stack.url, owner.token);
});

afterAll(async () => {
  await events?.close();
  await stack?.stop();
});

/** The fields of a processed resource these tests read. */
interface Processed {
  status: string;
  failure?: string;
  thumbnail?: string;
  metadata: Record<string, unknown> & { contentType: string; geolocation: { latitude: number; longitude: number } };
  data: { audio: Record<string, unknown> & { durationFloat: number }; video: Record<string, unknown> & { durationFloat: number } };
}

/** Uploads content for a new resource of the owner and waits until processing settles it. */
async function processUpload(bytes: Buffer, fields: Parameters<typeof seedResource>[1] = {}) {
  const doc = await seedResource(owner.id, fields);
  const done = settled(events, doc.id);
  await uploadAndPublish(doc.id, bytes);
  const event = await done;
  expect(responseProblems(resourceSchema, event.data.resource)).toEqual([]);
  return { id: doc.id, resource: event.data.resource as unknown as Processed };
}

async function thumbnail(id: string, path = `/api/v0/resource/thumbnail/${id}`, headers: Record<string, string> = {}) {
  const res = await api.get<Buffer>(path, headers);
  expect(res.status, `GET ${path}`).toBe(200);
  const info = await sharp(res.body).metadata();
  return { res, data: res.body, width: info.width!, height: info.height!, format: info.format };
}

describe('upload processing', () => {
  it('a JPEG with EXIF rotation and GPS: dimensions, orientation, geolocation, an upright thumbnail without metadata', async () => {
    const jpeg = await leftRedRightBlueJpeg({ width: 800, height: 400, orientation: 6, gps: { latitude: 48.8584, longitude: -2.2945 } });
    const { id, resource } = await processUpload(jpeg, { metadata: { fileName: 'tower.jpg' } });
    expect(resource.status).toBe('ready');
    expect(resource.metadata).toMatchObject({
      fileName: 'tower.jpg',
      contentType: 'image/jpeg',
      fileSize: jpeg.length,
      dimensions: { width: 800, height: 400, orientation: 6 },
    });
    expect(resource.metadata.geolocation.latitude).toBeCloseTo(48.8584, 3);
    expect(resource.metadata.geolocation.longitude).toBeCloseTo(-2.2945, 3);
    expect(resource.thumbnail).toBe(`${stack.url}/api/v0/resource/thumbnail/${id}`);

    // stored pixels: red left, blue right; orientation 6 turns them a quarter clockwise: red on top
    const thumb = await thumbnail(id);
    expect(thumb.res.headers.get('content-type')).toBe('image/jpeg');
    expect([thumb.width, thumb.height]).toEqual([256, 512]);
    expect(closeTo(await pixelAt(thumb.data, 128, 20), RED)).toBe(true);
    expect(closeTo(await pixelAt(thumb.data, 128, 490), BLUE)).toBe(true);
    const meta = await sharp(thumb.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    const read = await api.ops<{ resource: Record<string, unknown> }>('resource:get', { resource: id });
    expect(read.body.data.resource).toMatchObject({ status: 'ready', metadata: { contentType: 'image/jpeg' } });
    expect(read.body.data.resource).not.toHaveProperty('failure');
  });

  it('announces the change on the resource channel and the owner sorting table', async () => {
    const { id } = await processUpload(await leftRedRightBlueJpeg({ width: 40, height: 20 }));
    const table = await events.next(
      (e) =>
        e.endpoint === 'sortingTable:resourceUpdated' &&
        (e.data as { resource: { id: string; status: string } }).resource.id === id &&
        (e.data as { resource: { status: string } }).resource.status === 'ready',
    );
    expect(table.channel).toBe(`user:${owner.id}`);
  });

  it('a PNG with alpha keeps transparency in a PNG thumbnail', async () => {
    const { id, resource } = await processUpload(await halfTransparentPng(64, 64));
    expect(resource.metadata).toMatchObject({ contentType: 'image/png', dimensions: { width: 64, height: 64, orientation: 1 } });
    const thumb = await thumbnail(id);
    expect(thumb.format).toBe('png');
    expect((await pixelAt(thumb.data, 8, 32)).a).toBe(0);
    const right = await pixelAt(thumb.data, 56, 32);
    expect(right.a).toBe(255);
    expect(closeTo(right, GREEN)).toBe(true);
  });

  it('an animated GIF gets a thumbnail of its first frame', async () => {
    const { id, resource } = await processUpload(await redGreenBlueAnimation('gif', 32));
    expect(resource.metadata).toMatchObject({ contentType: 'image/gif', dimensions: { width: 32, height: 32 } });
    const thumb = await thumbnail(id);
    expect([thumb.width, thumb.height]).toEqual([32, 32]);
    expect(closeTo(await pixelAt(thumb.data, 16, 16), RED)).toBe(true);
  });

  it('a PDF gets its first page as thumbnail, the page size as dimensions', async () => {
    const { id, resource } = await processUpload(await threePagePdf());
    expect(resource.metadata).toMatchObject({ contentType: 'application/pdf', dimensions: { width: 200, height: 400 } });
    const thumb = await thumbnail(id);
    expect([thumb.width, thumb.height]).toEqual([256, 512]);
    // the black square sits in the top half of page 1, the bottom is blank
    expect(closeTo(await pixelAt(thumb.data, 128, 128), { r: 0, g: 0, b: 0 })).toBe(true);
    expect(closeTo(await pixelAt(thumb.data, 128, 400), { r: 255, g: 255, b: 255 })).toBe(true);
  });

  it('an MP3 with cover art: tags and duration in data.audio, the cover as thumbnail', async () => {
    const cover = await leftRedRightBlueJpeg({ width: 300, height: 300 });
    const mp3 = await taggedMp3(
      { title: 'Night Train', artist: 'The Rails', album: 'Stations', genre: 'Jazz' },
      await sharp(cover).png().toBuffer(),
    );
    const { id, resource } = await processUpload(mp3);
    expect(resource.metadata.contentType).toBe('audio/mpeg');
    expect(resource.data.audio).toMatchObject({ title: 'Night Train', artist: 'The Rails', album: 'Stations', genre: 'Jazz', duration: 3 });
    expect(resource.data.audio.durationFloat).toBeCloseTo(3, 0);
    const thumb = await thumbnail(id);
    expect([thumb.width, thumb.height]).toEqual([300, 300]);
    expect(closeTo(await pixelAt(thumb.data, 20, 150), RED)).toBe(true);
    expect(closeTo(await pixelAt(thumb.data, 280, 150), BLUE)).toBe(true);
  });

  it('an MP4: duration in data.video, frame size as dimensions, the first frame upright as thumbnail', async () => {
    const { id, resource } = await processUpload(await redTopBlueBottomMp4(320, 240));
    expect(resource.metadata).toMatchObject({ contentType: 'video/mp4', dimensions: { width: 320, height: 240 } });
    expect(resource.data.video).toMatchObject({ duration: 1, hasAlphaChannel: false });
    expect(resource.data.video.durationFloat).toBeCloseTo(1, 1);
    const thumb = await thumbnail(id);
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    expect(closeTo(await pixelAt(thumb.data, 160, 30), RED)).toBe(true);
    expect(closeTo(await pixelAt(thumb.data, 160, 210), BLUE)).toBe(true);
  });
});

describe('unprocessable content', () => {
  it('an image bomb fails before decoding, with the reason', async () => {
    const { id, resource } = await processUpload(pngBomb(20000, 20000));
    expect(resource.status).toBe('failed');
    expect(resource.failure).toMatch(/too large: 20000x20000/);
    expect(resource).not.toHaveProperty('thumbnail');
    expect((await api.get(`/api/v0/resource/thumbnail/${id}`)).status).toBe(404);
  });

  it('a truncated JPEG fails with the reason', async () => {
    const jpeg = await noiseJpeg(256, 256);
    const { id, resource } = await processUpload(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    expect(resource.status).toBe('failed');
    expect(resource.failure).toMatch(/cannot be decoded/);
    const read = await api.ops<{ resource: Processed }>('resource:get', { resource: id });
    expect(read.body.data.resource).toMatchObject({ status: 'failed', failure: resource.failure });
  });

  it('a damaged re-upload fails and leaves no thumbnail of the earlier content', async () => {
    const doc = await seedResource(owner.id);
    const first = settled(events, doc.id);
    await uploadAndPublish(doc.id, await leftRedRightBlueJpeg({ width: 100, height: 50 }));
    expect((await first).data.resource.thumbnail).toBeDefined();
    const second = events.next(
      (e) =>
        e.endpoint === 'resource:updated' &&
        e.channel === `resource:${doc.id}` &&
        (e.data as { resource: Processed }).resource.status === 'failed',
    );
    const jpeg = await noiseJpeg(128, 128);
    await uploadAndPublish(doc.id, jpeg.subarray(0, jpeg.length / 2));
    expect((await second).data).not.toHaveProperty('resource.thumbnail');
    expect(await objectNames(`thumbnails/resources/${doc.id}/`)).toEqual([]);
    expect((await api.get(`/api/v0/resource/thumbnail/${doc.id}`)).status).toBe(404);
  });

  it('missing content fails with the reason', async () => {
    const doc = await seedResource(owner.id);
    const done = settled(events, doc.id);
    await publishJob('PROCESSING_TOPIC', { resourceId: doc.id, objectPath: `originals/${doc.id}`, generation: '1' });
    expect((await done).data.resource).toMatchObject({ status: 'failed', failure: expect.stringMatching(/not found/) });
  });
});

describe('idempotency', () => {
  it('a job delivered twice is processed once: one settlement, one thumbnail set', async () => {
    const doc = await seedResource(owner.id);
    const done = settled(events, doc.id);
    const job = await uploadAndPublish(doc.id, await leftRedRightBlueJpeg({ width: 600, height: 300 }));
    await publishJob('PROCESSING_TOPIC', job);
    await done;
    // the duplicate is retried while the first holds the job, then acknowledged without work
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const settlements = events.received.filter(
      (e) =>
        e.endpoint === 'resource:updated' &&
        e.channel === `resource:${doc.id}` &&
        ['ready', 'failed'].includes((e.data as { resource: { status: string } }).resource.status),
    );
    expect(settlements).toHaveLength(1);
    const names = await objectNames(`thumbnails/resources/${doc.id}/`);
    expect(names).toHaveLength(3);
    expect(names.filter((n) => /\/512\.(jpeg|webp)$/.test(n))).toHaveLength(2);
    expect(names).toContain(`thumbnails/resources/${doc.id}/source`);
  });
});

describe('size caps, replaced content and belongings', () => {
  it('content above PROCESSING_MAX_BYTES is not loaded: ready with its size and the type sniffed from its first bytes', async () => {
    const jpeg = await noiseJpeg(200, 200);
    process.env.PROCESSING_MAX_BYTES = String(jpeg.length - 1);
    try {
      const { id, resource } = await processUpload(jpeg);
      expect(resource.status).toBe('ready');
      expect(resource.metadata).toEqual({ contentType: 'image/jpeg', fileSize: jpeg.length });
      expect(resource).not.toHaveProperty('thumbnail');
      expect(await objectNames(`thumbnails/resources/${id}/`)).toEqual([]);
    } finally {
      delete process.env.PROCESSING_MAX_BYTES;
    }
  });

  it('a new upload replaces metadata and thumbnails, and the thumbnails of the old content are removed', async () => {
    const doc = await seedResource(owner.id);
    const first = settled(events, doc.id);
    await uploadAndPublish(doc.id, await leftRedRightBlueJpeg({ width: 300, height: 100 }));
    await first;
    const second = events.next((e) => {
      const resource = (e.data as { resource: Processed & { id: string } }).resource;
      return (
        e.endpoint === 'resource:updated' &&
        resource.id === doc.id &&
        resource.status === 'ready' &&
        resource.metadata.contentType === 'image/png'
      );
    });
    await uploadAndPublish(doc.id, await halfTransparentPng(64, 64));
    expect((await second).data).toMatchObject({ resource: { metadata: { dimensions: { width: 64, height: 64 } } } });
    const names = await objectNames(`thumbnails/resources/${doc.id}/`);
    expect(names.filter((n) => !n.endsWith('/source')).map((n) => n.split('/').pop())).toEqual(['512.png', '512.webp']);
    expect((await api.get(`/api/v0/resource/thumbnail/${doc.id}`)).headers.get('content-type')).toBe('image/png');
  });

  it('the job of an upload replaced before it was processed changes nothing; the newer job settles the resource', async () => {
    const doc = await seedResource(owner.id);
    const file = bucket().file(`originals/${doc.id}`);
    await file.save(await leftRedRightBlueJpeg({ width: 300, height: 100 }), { resumable: false });
    const replaced = { resourceId: doc.id, objectPath: file.name, generation: String(file.metadata.generation) };
    await file.save(await halfTransparentPng(32, 32), { resumable: false });
    const current = { ...replaced, generation: String(file.metadata.generation) };
    expect(current.generation).not.toBe(replaced.generation);

    await publishJob('PROCESSING_TOPIC', replaced);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await storedResource(doc.id)).toMatchObject({ status: 'processing' });
    expect((await storedResource(doc.id)).metadata).toBeUndefined();

    const done = settled(events, doc.id);
    await publishJob('PROCESSING_TOPIC', current);
    expect((await done).data.resource).toMatchObject({
      status: 'ready',
      metadata: { contentType: 'image/png', dimensions: { width: 32 } },
    });
  });

  it('a resource of an upload session announces its update to the session owner', async () => {
    const session = `uploadSession:${owner.id}/batch-1`;
    const { id } = await processUpload(await leftRedRightBlueJpeg({ width: 40, height: 20 }), { belonging: session });
    const update = await events.next(
      (e) =>
        e.endpoint === 'resource:updatedInUploadSession' &&
        (e.data as { resource: { id: string; status: string } }).resource.id === id &&
        (e.data as { resource: { status: string } }).resource.status === 'ready',
    );
    expect(update.channel).toBe(`user:${owner.id}`);
  });
});

describe('retries and dead letters', () => {
  it('a job failing on every delivery is retried with backoff, dead-lettered after the last attempt, and leaves the resource failed', async () => {
    const deadLetters = await tapTopic('process-upload-dead-letter');
    const doc = await seedResource(owner.id);
    const done = settled(events, doc.id, 90_000);
    // a deployment mistake every delivery trips over, cured only by a fix: the kind of error that is retried
    process.env.PROCESSING_MAX_BYTES = 'ten megabytes';
    try {
      await uploadAndPublish(doc.id, await leftRedRightBlueJpeg({ width: 40, height: 20 }));
      const failed = await done;
      expect(failed.data.resource.status).toBe('failed');
      expect(failed.data.resource.failure).toMatch(
        /^processing gave up after 5 attempts: configuration variable PROCESSING_MAX_BYTES is not a number/,
      );
    } finally {
      delete process.env.PROCESSING_MAX_BYTES;
      await deadLetters.close();
    }
    expect(deadLetters.messages).toHaveLength(1);
    expect(JSON.parse(deadLetters.messages[0].data)).toMatchObject({ resourceId: doc.id });
    expect(deadLetters.messages[0].attributes.CloudPubSubDeadLetterSourceDeliveryCount).toBe('5');
  }, 120_000);
});
