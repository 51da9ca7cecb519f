import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { bucket } from '../../shared/gcp/clients.js';
import { BLUE, RED, closeTo, leftRedRightBlueJpeg, pixelAt } from '../fixtures/media.js';
import { resourceSchema } from '../../shared/resources/schema.js';
import { resources } from '../../shared/resources/repository.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { ApiClient } from '../helpers/client.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { routes, startFakeUpstream, watchConnectionAttempts, type FakeUpstream } from '../helpers/fake-upstream.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { settled, storedResource } from './support.js';

let stack: TestStack;
let events: EventTap;
let upstream: FakeUpstream;
let owner: { id: string; token: string };
let api: ApiClient;
let photo: Buffer;

interface Resource {
  id: string;
  status: string;
  failure?: string;
  title?: string;
  belonging: string;
  thumbnail?: string;
  metadata: Record<string, unknown>;
  data: Record<string, Record<string, unknown>>;
}

const send =
  (type: string, body: string | Buffer, status = 200) =>
  (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };

beforeAll(async () => {
  photo = await leftRedRightBlueJpeg({ width: 600, height: 300 });
  upstream = await startFakeUpstream(
    routes({
      'GET /harbour': send(
        'text/html; charset=utf-8',
        '<html><head><title>Harbour</title><link rel="icon" href="/icon.png"><meta property="og:image" content="/preview.jpg"></head><body>boats</body></html>',
      ),
      'GET /plain-page': send('text/html', '<html><head><title>No picture</title></head><body></body></html>'),
      'GET /preview.jpg': send('image/jpeg', photo),
      'GET /photo.jpg': send('image/jpeg', photo),
      'GET /song.mp3': send('audio/mpeg', Buffer.from('ID3')),
      'GET /clip.mp4': send('video/mp4', Buffer.alloc(16)),
      'GET /gone.jpg': send('text/plain', 'no such picture', 404),
      'GET /gone-page': send('text/plain', 'no such page', 404),
      'GET /page-not-image': send('text/html', '<html><head><title>x</title></head></html>'),
      'GET /to-internal': (_req, res) => {
        res.writeHead(302, { location: 'http://127.0.0.2/computeMetadata/v1/' });
        res.end();
      },
    }),
  );
  process.env.OUTBOUND_ALLOWED_HOSTS = upstream.host;
  stack = await startTestStack({
    deployables: deployables.filter((d) => ['resources', 'resource-media', 'process-import'].includes(d.name)),
  });
  events = await tapEvents();
  owner = await stack.user();
  api = new ApiClient(stack.url, owner.token);
});

afterAll(async () => {
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
  await events?.close();
  await stack?.stop();
  await upstream?.close();
});

async function create(endpoint: string, data: Record<string, unknown>): Promise<Resource> {
  const res = await api.ops<{ resource: Resource }>(endpoint, data);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(responseProblems(resourceSchema, res.body.data.resource)).toEqual([]);
  return res.body.data.resource;
}

async function settledResource(id: string): Promise<Resource> {
  return (await settled(events, id)).data.resource as unknown as Resource;
}

async function thumbnailOf(id: string) {
  const res = await api.get<Buffer>(`/api/v0/resource/thumbnail/256/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('resource:createRemoteUrlResource', () => {
  it('a web page: metadata.link, roomful#url, title and favicon at once, its preview image as thumbnail by a job', async () => {
    const url = `${upstream.url}/harbour`;
    const created = await create('resource:createRemoteUrlResource', { url });
    expect(created).toMatchObject({
      status: 'pending',
      title: 'Harbour',
      belonging: `userSortingTable:${owner.id}`,
      metadata: { link: url, contentType: 'roomful#url' },
      data: { remoteUrl: { url, title: 'Harbour', favicon: `${upstream.url}/icon.png` } },
    });
    const ready = await settledResource(created.id);
    expect(ready).toMatchObject({
      status: 'ready',
      metadata: { link: url, contentType: 'roomful#url' },
      data: { thumbnailUrl: `${upstream.url}/preview.jpg` },
    });
    const thumb = await thumbnailOf(created.id);
    expect(closeTo(await pixelAt(thumb, 5, 64), RED)).toBe(true);
    expect(closeTo(await pixelAt(thumb, 250, 64), BLUE)).toBe(true);
  });

  it('honours the placement fields as resource:create does: into a directory, counted exactly; a foreign directory is 404', async () => {
    const dir = await api.ops<{ resource: { id: string } }>('resource:createDirectory', { title: 'Links' });
    const inside = await create('resource:createRemoteUrlResource', {
      url: `${upstream.url}/plain-page`,
      parent: dir.body.data.resource.id,
    });
    expect(inside.belonging).toBe(`directory:${dir.body.data.resource.id}`);
    const directory = await api.ops<{ resource: { data: { directory: { innerContentCount: number } } } }>('resource:get', {
      resource: dir.body.data.resource.id,
    });
    expect(directory.body.data.resource.data.directory.innerContentCount).toBe(1);
    const stranger = new ApiClient(stack.url, (await stack.user()).token);
    const refused = await stranger.ops('resource:createRemoteUrlResource', {
      url: `${upstream.url}/plain-page`,
      parent: dir.body.data.resource.id,
    });
    expect(refused.status).toBe(404);
  });

  it('a page without a preview image, or one that cannot be read, is a ready link', async () => {
    const plain = await create('resource:createRemoteUrlResource', { url: `${upstream.url}/plain-page` });
    expect(plain).toMatchObject({ status: 'ready', title: 'No picture', metadata: { contentType: 'roomful#url' } });
    const gone = await create('resource:createRemoteUrlResource', { url: `${upstream.url}/gone-page` });
    expect(gone).toMatchObject({ status: 'ready', metadata: { link: `${upstream.url}/gone-page`, contentType: 'roomful#url' } });
    expect(gone).not.toHaveProperty('title');
  });

  it('an image URL is remote#image with its dimensions and thumbnail; audio and video URLs are ready at once', async () => {
    const image = await create('resource:createRemoteUrlResource', { url: `${upstream.url}/photo.jpg` });
    expect(image).toMatchObject({ status: 'pending', metadata: { contentType: 'remote#image' } });
    const ready = await settledResource(image.id);
    expect(ready.metadata).toMatchObject({ contentType: 'remote#image', dimensions: { width: 600, height: 300 } });
    expect((await sharp(await thumbnailOf(image.id)).metadata()).width).toBe(256);

    expect(await create('resource:createRemoteUrlResource', { url: `${upstream.url}/song.mp3` })).toMatchObject({
      status: 'ready',
      metadata: { contentType: 'remote#audio' },
    });
    expect(await create('resource:createRemoteUrlResource', { url: `${upstream.url}/clip.mp4` })).toMatchObject({
      status: 'ready',
      metadata: { contentType: 'remote#video' },
    });
  });

  it('Hls and Dash URLs are remote#video with their urlType, never fetched', async () => {
    const watch = watchConnectionAttempts();
    try {
      const hls = await create('resource:createRemoteUrlResource', {
        url: 'https://streams.example.test/live/master.m3u8',
        urlType: 'Hls',
      });
      expect(hls).toMatchObject({ status: 'ready', metadata: { contentType: 'remote#video' }, data: { remoteUrl: { urlType: 'Hls' } } });
      const dash = await create('resource:createRemoteUrlResource', {
        url: 'https://streams.example.test/vod/manifest.mpd',
        urlType: 'Dash',
      });
      expect(dash.data.remoteUrl.urlType).toBe('Dash');
    } finally {
      watch.stop();
    }
    expect(watch.attempts.filter((a) => a.port === 443)).toEqual([]);
  });
});

describe('resource:remoteImageUpload', () => {
  it('downloads, stores and processes the image like an upload, keeping its source', async () => {
    const url = `${upstream.url}/photo.jpg`;
    const created = await create('resource:remoteImageUpload', {
      url,
      title: 'Sunset',
      source: 'pixabay',
      sourceId: '123456',
      sourceLink: 'https://pixabay.example/photos/sunset-123456/',
    });
    expect(created).toMatchObject({
      status: 'pending',
      title: 'Sunset',
      metadata: { link: url, origin: { type: 'pixabay', path: 'https://pixabay.example/photos/sunset-123456/' } },
      data: { pixabay: { id: '123456', pageUrl: 'https://pixabay.example/photos/sunset-123456/' } },
    });
    const ready = await settledResource(created.id);
    expect(ready).toMatchObject({
      status: 'ready',
      metadata: {
        link: url,
        fileName: 'photo.jpg',
        contentType: 'image/jpeg',
        fileSize: photo.length,
        dimensions: { width: 600, height: 300, orientation: 1 },
      },
      data: { pixabay: { id: '123456' } },
    });
    const stored = await storedResource(created.id);
    expect(stored.storagePath).toBe(`originals/${created.id}`);
    const [bytes] = await bucket().file(stored.storagePath!).download();
    expect(bytes.equals(photo)).toBe(true);
    expect(closeTo(await pixelAt(await thumbnailOf(created.id), 5, 64), RED)).toBe(true);
  });

  it('a URL that answers 404 or no image leaves the resource failed with the reason', async () => {
    const gone = await create('resource:remoteImageUpload', { url: `${upstream.url}/gone.jpg` });
    expect(await settledResource(gone.id)).toMatchObject({
      status: 'failed',
      failure: expect.stringMatching(/could not be fetched: .*answered 404/),
    });
    const page = await create('resource:remoteImageUpload', { url: `${upstream.url}/page-not-image` });
    expect(await settledResource(page.id)).toMatchObject({
      status: 'failed',
      failure: expect.stringMatching(/did not answer with an image but with text\/plain/),
    });
  });
});

describe('SSRF', () => {
  // loopback and its aliases; private, link-local and metadata hosts are refused by the same check (shared/outbound/target.test.ts)
  const refused = [
    'http://127.0.0.1:9/admin',
    'http://localhost:9/',
    'http://[::1]:9/',
    'http://127.0.0.2/internal.jpg',
    'http://127.10.0.1:9/router.jpg',
    'http://[::ffff:127.0.0.1]:9/',
    'http://0x7f000001:9/',
  ];

  it('refuses URLs reaching loopback addresses the allow list does not name, creating nothing and connecting nowhere', async () => {
    const watch = watchConnectionAttempts();
    try {
      for (const url of refused) {
        for (const endpoint of ['resource:createRemoteUrlResource', 'resource:remoteImageUpload']) {
          const res = await api.ops(endpoint, { url });
          expect(res.status, `${endpoint} ${url}`).toBe(400);
          expect(res.body.error.message).toMatch(/may not be fetched|not allowed/);
        }
      }
      for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:70/', 'http://user:pw@example.test/']) {
        expect((await api.ops('resource:remoteImageUpload', { url })).status, url).toBe(400);
      }
    } finally {
      watch.stop();
    }
    expect(watch.attempts.filter((a) => a.port === 9 || a.port === 80)).toEqual([]);
    const links = (await resources().where('ownerId', '==', owner.id).get()).docs.map((d) => d.get('metadata.link') as string);
    for (const url of refused) expect(links).not.toContain(url);
  });

  it('refuses a redirect to a loopback alias: at once for a link, in the job for an image download', async () => {
    const url = `${upstream.url}/to-internal`;
    const link = await api.ops('resource:createRemoteUrlResource', { url });
    expect(link.status).toBe(400);
    expect(link.body.error.message).toMatch(/may not be fetched/);

    const image = await create('resource:remoteImageUpload', { url });
    expect((await settledResource(image.id)).failure).toMatch(/forbidden.*127\.0\.0\.2|127\.0\.0\.2.*forbidden/);
  });
});
