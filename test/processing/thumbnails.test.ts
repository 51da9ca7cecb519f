import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { bucket } from '../../shared/gcp/clients.js';
import { BLUE, RED, closeTo, halfTransparentPng, leftRedRightBlueJpeg, pixelAt } from '../fixtures/media.js';
import { ApiClient } from '../helpers/client.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { objectNames, seedResource, settled, uploadAndPublish } from './support.js';
import { encodeUnicodeHeader } from '../../shared/http-headers/unicode-header.js';

let stack: TestStack;
let events: EventTap;
let owner: { id: string; token: string };
let api: ApiClient;
let stranger: ApiClient;
let photoId: string;

const used = ['resources', 'resource-media', 'process-upload', 'chats-rooms', 'chats-users'];

beforeAll(async () => {
  stack = await startTestStack({ deployables: deployables.filter((d) => used.includes(d.name)) });
  events = await tapEvents();
  owner = await stack.user();
  api = new ApiClient(stack.url, owner.token);
  stranger = new ApiClient(stack.url, (await stack.user()).token);
  photoId = await processed(await leftRedRightBlueJpeg({ width: 800, height: 400 }));
});

afterAll(async () => {
  await events?.close();
  await stack?.stop();
});

async function processed(bytes: Buffer): Promise<string> {
  const doc = await seedResource(owner.id);
  const done = settled(events, doc.id);
  await uploadAndPublish(doc.id, bytes);
  expect((await done).data.resource.status).toBe('ready');
  return doc.id;
}

async function image(res: { status: number; body: unknown }) {
  expect(res.status).toBe(200);
  const data = res.body as Buffer;
  const { width, height, format } = await sharp(data).metadata();
  return { data, width, height, format };
}

const cachedSizes = async (id: string) =>
  (await objectNames(`thumbnails/resources/${id}/`)).filter((n) => !n.endsWith('/source')).map((n) => n.split('/').pop());

describe('resource thumbnails', () => {
  it('serves the default 512 px JPEG with private long-lived caching, Vary: Accept and an ETag that revalidates', async () => {
    const res = await api.get(`/api/v0/resource/thumbnail/${photoId}`);
    const thumb = await image(res);
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 512, 256]);
    expect(closeTo(await pixelAt(thumb.data, 10, 128), RED)).toBe(true);
    expect(closeTo(await pixelAt(thumb.data, 500, 128), BLUE)).toBe(true);
    expect(res.headers.get('vary')).toBe('Origin, Accept');
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+-512-jpeg"$/);

    const again = await api.get(`/api/v0/resource/thumbnail/${photoId}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((again.body as Buffer).length).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('snaps requested sizes to the allowed set, makes each on first request and caches it in Cloud Storage', async () => {
    expect(await cachedSizes(photoId)).toEqual(['512.jpeg', '512.webp']);
    for (const size of [100, 101, 127, 128]) {
      const thumb = await image(await api.get(`/api/v0/resource/thumbnail/${size}/${photoId}`));
      expect([thumb.width, thumb.height]).toEqual([128, 64]);
    }
    const big = await image(await api.get(`/api/v0/resource/thumbnail/5000/${photoId}`));
    expect([big.width, big.height]).toEqual([800, 400]);
    expect(await cachedSizes(photoId)).toEqual(['128.jpeg', '2048.jpeg', '512.jpeg', '512.webp']);
  });

  it('answers WebP when Accept names it, AVIF at large sizes when both are named, JPEG otherwise', async () => {
    const webp = await api.get(`/api/v0/resource/thumbnail/256/${photoId}`, { accept: 'image/webp,image/*;q=0.8' });
    expect(webp.headers.get('content-type')).toBe('image/webp');
    const decoded = await image(webp);
    expect([decoded.format, decoded.width]).toEqual(['webp', 256]);
    expect(closeTo(await pixelAt(decoded.data, 5, 64), RED)).toBe(true);

    const avif = await api.get(`/api/v0/resource/thumbnail/1024/${photoId}`, { accept: 'image/avif,image/webp,*/*' });
    expect(avif.headers.get('content-type')).toBe('image/avif');
    expect((await image(avif)).format).toBe('heif');

    const plain = await api.get(`/api/v0/resource/thumbnail/256/${photoId}`, { accept: 'image/*' });
    expect(plain.headers.get('content-type')).toBe('image/jpeg');
    expect(plain.headers.get('etag')).not.toBe(webp.headers.get('etag'));
  });

  it('keeps transparency: PNG by default, WebP with alpha when accepted', async () => {
    const id = await processed(await halfTransparentPng(64, 64));
    const png = await api.get(`/api/v0/resource/thumbnail/${id}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await pixelAt(png.body as Buffer, 4, 32)).a).toBe(0);
    const webp = await api.get(`/api/v0/resource/thumbnail/${id}`, { accept: 'image/webp' });
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect((await pixelAt(webp.body as Buffer, 4, 32)).a).toBe(0);
  });

  it('hands out signed Cloud Storage URLs of thumbnails over REST and WebSocket', async () => {
    const rest = await api.get<{ url: string }>(`/api/v0/resource/thumbnail/url/200/${photoId}`);
    expect(rest.status).toBe(200);
    const fetched = await fetch(rest.body.url);
    expect(fetched.status).toBe(200);
    expect((await sharp(Buffer.from(await fetched.arrayBuffer())).metadata()).width).toBe(256);

    const plain = await api.get<{ url: string }>(`/api/v0/resource/thumbnail/url/${photoId}`);
    expect(plain.body.url).toContain(`/thumbnails/resources/${photoId}/`);
    expect(plain.body.url).toContain('/512.jpeg');

    const ws = await api.ops<{ url: string }>('resource:getThumbnailUrl', { resourceId: photoId, thumbnailSize: 64 });
    expect(ws.status).toBe(200);
    const small = await fetch(ws.body.data.url);
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(64);
  });

  it('answers 404 for unknown resources, resources of others and resources without a thumbnail; 400 for bad sizes', async () => {
    for (const path of [
      `/api/v0/resource/thumbnail/${photoId}`,
      `/api/v0/resource/thumbnail/64/${photoId}`,
      `/api/v0/resource/thumbnail/url/${photoId}`,
    ]) {
      const res = await stranger.get<{ error: { code: number; message: string } }>(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error).toMatchObject({ code: 404, message: 'resource not found' });
    }
    expect((await stranger.ops('resource:getThumbnailUrl', { resourceId: photoId })).status).toBe(404);
    expect((await api.get(`/api/v0/resource/thumbnail/${randomUUID()}`)).status).toBe(404);

    const pending = await seedResource(owner.id, { status: 'pending' });
    const none = await api.get<{ error: { message: string } }>(`/api/v0/resource/thumbnail/${pending.id}`);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('thumbnail not found');

    const zero = await api.get<{ error: { message: string } }>(`/api/v0/resource/thumbnail/0/${photoId}`);
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toMatch(/size/);
    expect((await api.get(`/api/v0/resource/thumbnail/huge/${photoId}`)).status).toBe(400);
    expect((await api.get(`/api/v0/resource/thumbnail/64/not-an-id`)).status).toBe(400);
    expect((await new ApiClient(stack.url).get(`/api/v0/resource/thumbnail/${photoId}`)).status).toBe(401);
  });
});

describe('user, room and network thumbnails', () => {
  const pictureHeaders = { 'content-type': 'application/octet-stream', filename: encodeUnicodeHeader('me.jpg'), mimetype: 'image/jpeg' };

  it("reads a user's picture at any size, for any signed-in user; 404 without a picture", async () => {
    const user = await stack.user();
    const self = new ApiClient(stack.url, user.token);
    expect((await stranger.get(`/api/v0/resource/thumbnail/user/${user.id}`)).status).toBe(404);
    expect(
      (await self.put(`/users/${user.id}/picture`, await leftRedRightBlueJpeg({ width: 600, height: 300 }), pictureHeaders)).status,
    ).toBe(204);

    const full = await image(await stranger.get(`/api/v0/resource/thumbnail/user/${user.id}`));
    expect([full.width, full.height]).toEqual([512, 256]);
    const small = await image(await stranger.get(`/api/v0/resource/thumbnail/user/size/60/${user.id}`, { accept: 'image/webp' }));
    expect([small.format, small.width]).toEqual(['webp', 64]);
    for (const path of [`/api/v0/resource/thumbnail/user/url/${user.id}`, `/api/v0/resource/thumbnail/user/url/size/128/${user.id}`]) {
      const { body } = await stranger.get<{ url: string }>(path);
      expect((await fetch(body.url)).status).toBe(200);
    }
    const cached = (await objectNames(`thumbnails/pictures/users/${user.id}/`)).map((n) => n.split('/').pop());
    expect(cached).toEqual(['128.jpeg', '512.jpeg', '64.webp']);

    // a new picture is served at once: cached sizes are keyed by the picture's generation
    await self.put(`/users/${user.id}/picture`, await halfTransparentPng(64, 64), {
      ...pictureHeaders,
      filename: encodeUnicodeHeader('me.png'),
      mimetype: 'image/png',
    });
    const replaced = await image(await stranger.get(`/api/v0/resource/thumbnail/user/size/60/${user.id}`));
    expect([replaced.format, replaced.width]).toEqual(['png', 64]);
  });

  it("reads a room's picture for its members only", async () => {
    const [member, third] = [await stack.user(), await stack.user()];
    const created = await api.post<{ id: string }>('/rooms', { type: 'group', name: 'Pictured', membersIds: [member.id, third.id] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const roomId = created.body.id;
    expect((await api.get(`/api/v0/resource/thumbnail/room/${roomId}`)).status).toBe(404);
    expect(
      (await api.put(`/rooms/${roomId}/picture`, await leftRedRightBlueJpeg({ width: 300, height: 300 }), pictureHeaders)).status,
    ).toBe(204);

    const memberApi = new ApiClient(stack.url, member.token);
    const thumb = await image(await memberApi.get(`/api/v0/resource/thumbnail/room/size/128/${roomId}`));
    expect([thumb.width, thumb.height]).toEqual([128, 128]);
    expect((await image(await memberApi.get(`/api/v0/resource/thumbnail/room/${roomId}`))).width).toBe(300);
    expect((await memberApi.get<{ url: string }>(`/api/v0/resource/thumbnail/room/url/${roomId}`)).status).toBe(200);
    expect((await memberApi.get<{ url: string }>(`/api/v0/resource/thumbnail/room/url/size/64/${roomId}`)).status).toBe(200);
    for (const path of [`/api/v0/resource/thumbnail/room/${roomId}`, `/api/v0/resource/thumbnail/room/url/size/64/${roomId}`]) {
      expect((await stranger.get(path)).status, path).toBe(404);
    }
  });

  it("reads a network's picture from pictures/networks/{networkId}; 404 when absent", async () => {
    const networkId = `net-${randomUUID().slice(0, 8)}`;
    expect((await api.get(`/api/v0/resource/thumbnail/network/${networkId}`)).status).toBe(404);
    await bucket()
      .file(`pictures/networks/${networkId}`)
      .save(await leftRedRightBlueJpeg({ width: 1000, height: 500 }), { resumable: false, contentType: 'image/jpeg' });
    const thumb = await image(await api.get(`/api/v0/resource/thumbnail/network/size/256/${networkId}`));
    expect([thumb.width, thumb.height]).toEqual([256, 128]);
    expect((await image(await api.get(`/api/v0/resource/thumbnail/network/${networkId}`))).width).toBe(512);
    expect((await api.get(`/api/v0/resource/thumbnail/network/url/${networkId}`)).status).toBe(200);
    expect((await api.get(`/api/v0/resource/thumbnail/network/url/size/64/${networkId}`)).status).toBe(200);
    expect((await api.get(`/api/v0/resource/thumbnail/network/bad%20id`)).status).toBe(400);
  });
});
