import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { halfTransparentPng } from '../fixtures/media.js';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { waitFor } from './content-stack.js';

let stack: TestStack;
beforeAll(async () => (stack = await startTestStack()));
afterAll(async () => stack?.stop());

type Created = { id: string; upload: { url: string } };

/** The whole pipeline, as a client lives it: create, upload, processing to ready, link, read through the link. */
describe('a link resource made with resource:createLinkResource', () => {
  it("serves its original's bytes without a copy, to its own owner", async () => {
    const owner = await stack.user();
    const api = new ApiClient(stack.url, owner.token);
    const png = await halfTransparentPng(40, 40);
    const created = await api.post<Created>('/api/v0/resource/create', {
      resource: { title: 'Original', metadata: { fileName: 'o.png' } },
    });
    expect((await fetch(created.body.upload.url, { method: 'PUT', body: new Uint8Array(png) })).status).toBe(200);
    await waitFor(
      async () =>
        (await api.ops<{ resource: { status: string } }>('resource:get', { resource: created.body.id })).body.data.resource.status ===
        'ready'
          ? true
          : undefined,
      30_000,
      'original ready',
    );

    const linker = await stack.user();
    // the original is the owner's: a link made by the owner into their sorting table is local
    const link = await api.ops<{ resource: { id: string; linkId: string; linkType: string } }>('resource:createLinkResource', {
      resource: created.body.id,
    });
    expect(link.status).toBe(200);
    expect(link.body.data.resource).toMatchObject({ linkId: created.body.id, linkType: 'local' });
    expect(link.body.data.resource.id).not.toBe(created.body.id);

    const proxied = await api.get<Buffer>(`/api/v0/resource/proxy/${link.body.data.resource.id}`);
    expect(proxied.status).toBe(200);
    expect(Buffer.compare(proxied.body, png)).toBe(0);
    const ranged = await api.get<Buffer>(`/api/v0/resource/proxy/${link.body.data.resource.id}`, { range: 'bytes=0-7' });
    expect(ranged.status).toBe(206);
    expect(Buffer.compare(ranged.body, png.subarray(0, 8))).toBe(0);

    const stranger = new ApiClient(stack.url, linker.token);
    expect((await stranger.get(`/api/v0/resource/proxy/${link.body.data.resource.id}`)).status).toBe(404);
  });

  it('links a resource whose bytes have not arrived yet: the link follows its status, metadata, thumbnail and bytes', async () => {
    const owner = await stack.user();
    const api = new ApiClient(stack.url, owner.token);
    const friend = await stack.user();
    const roomId = (
      await api.post<{ id: string }>('/rooms', { name: 'Links', type: 'group', membersIds: [friend.id, (await stack.user()).id] })
    ).body.id;
    const created = await api.post<Created>('/api/v0/resource/create', {
      resource: { title: 'Later', metadata: { fileName: 'l.png' } },
      contributeToRoom: roomId,
    });
    const friendApi = new ApiClient(stack.url, friend.token);
    const link = await friendApi.ops<{ resource: { id: string; status: string; linkType: string } }>('resource:createLinkResource', {
      resource: created.body.id,
    });
    expect(link.status).toBe(200);
    expect(link.body.data.resource).toMatchObject({ status: 'pending', linkType: 'global' });
    const linkId = link.body.data.resource.id;
    expect((await friendApi.get(`/api/v0/resource/proxy/${linkId}`)).status).toBe(409);

    const png = await halfTransparentPng(48, 32);
    expect((await fetch(created.body.upload.url, { method: 'PUT', body: new Uint8Array(png) })).status).toBe(200);
    type Seen = {
      status: string;
      thumbnail?: string;
      metadata?: { fileSize?: number; contentType?: string; dimensions?: { width: number } };
    };
    const ready = await waitFor(
      async () => {
        const seen = (await friendApi.ops<{ resource: Seen }>('resource:get', { resource: linkId })).body.data.resource;
        return seen.status === 'ready' ? seen : undefined;
      },
      30_000,
      'link ready',
    );
    expect(ready.metadata).toMatchObject({ fileSize: png.length, contentType: 'image/png', dimensions: { width: 48 } });
    expect(ready.thumbnail).toContain(`/api/v0/resource/thumbnail/${linkId}`);
    const thumbnail = await friendApi.get<Buffer>(new URL(ready.thumbnail!).pathname);
    expect(thumbnail.status).toBe(200);
    const proxied = await friendApi.get<Buffer>(`/api/v0/resource/proxy/${linkId}`);
    expect(proxied.status).toBe(200);
    expect(Buffer.compare(proxied.body, png)).toBe(0);
  });
});
