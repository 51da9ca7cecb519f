import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, HttpClient, RealtimeClient } from '../../shared/client/index.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { record } from './support.js';

let stack: TestStack;
let owner: { id: string; token: string };
let http: HttpClient;

beforeAll(async () => {
  stack = await startTestStack();
  owner = await stack.user({ name: 'Owner' });
  http = new HttpClient({ baseUrl: stack.url, token: owner.token });
});

afterAll(async () => {
  await stack?.stop();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: unknown) => err as ApiCallError,
  );

describe('HttpClient', () => {
  it('uploads bytes, and a thumbnail of the processed resource answers as bytes', async () => {
    const realtime = new RealtimeClient({ url: `${stack.url.replace('http', 'ws')}/ws`, token: owner.token });
    try {
      const created = await http.call('resource.createMetadata', { resource: { title: 'picture' } });
      expect(created.status).toBe('pending');
      await realtime.subscribe('resource:subscribe', { resource: created.id });
      const updates = record(realtime, 'resource:updated', `resource:${created.id}`);
      const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#204080' } })
        .png()
        .toBuffer();
      const uploaded = await http.call('resource.uploadContent', {
        id: created.id,
        content: new Blob([new Uint8Array(png)], { type: 'image/png' }),
      });
      expect(uploaded.metadata?.fileSize).toBe(png.length);
      await updates.next((u) => u.payload.resource.status === 'ready', 60_000);

      const thumbnail = await http.call('resource.thumbnail', { id: created.id, size: 128 });
      expect(thumbnail.status).toBe(200);
      expect(thumbnail.contentType).toMatch(/^image\//);
      const meta = await sharp(thumbnail.bytes).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(128);
      const again = await http.call('resource.thumbnail', { id: created.id, size: 128, ifNoneMatch: thumbnail.headers.get('etag') ?? '' });
      expect(again.status).toBe(304);

      const info = await http.call('resource.info', { resourceId: created.id });
      expect(info.resource).toMatchObject({ id: created.id, status: 'ready' });
    } finally {
      realtime.close();
    }
  }, 90_000);

  it('throws ApiCallError with the seed code and message on REST, JSON-RPC and seed 003 errors', async () => {
    const rpc = await failure(http.call('resource.info', { resourceId: randomUUID() }));
    expect(rpc).toBeInstanceOf(ApiCallError);
    expect(rpc).toMatchObject({ code: 404, operation: 'resource.info' });
    const bad = await failure(http.call('resource.info', { resourceId: 'nope' }));
    expect(bad?.code).toBe(400);
    expect(bad?.message).toMatch(/resourceId/);

    const chats = await failure(http.call('insertRoom', { type: 'group', name: 'too small' }));
    expect(chats).toMatchObject({ code: 400, message: 'a group room needs at least two other members in membersIds' });
    expect(chats?.traceId).toEqual(expect.any(String));

    const anonymous = await failure(new HttpClient({ baseUrl: stack.url }).call('getRoom', { roomId: randomUUID() }));
    expect(anonymous?.code).toBe(401);
  });

  it('puts path, query and body fields where each binding wants them; 201 and 204 answers', async () => {
    const members = [(await stack.user()).id, (await stack.user()).id];
    const room = await http.call('insertRoom', { type: 'group', name: 'Design review', membersIds: members });
    expect(room.members?.map((m) => m.userId).sort()).toEqual([owner.id, ...members].sort());
    expect((await http.call('getRoom', { roomId: room.id })).name).toBe('Design review');
    const renamed = await http.call('updateRoom', { roomId: room.id, name: 'Renamed' });
    expect(renamed.name).toBe('Renamed');
    expect(await http.call('deleteRoom', { roomId: room.id })).toBeUndefined();
    expect((await failure(http.call('getRoom', { roomId: room.id })))?.code).toBe(404);
    await expect(http.call('getRoom', {} as never)).rejects.toThrow(/getRoom: missing roomId/);
  });
});
