import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { resources } from '../../shared/resources/repository.js';
import { halfTransparentPng } from '../fixtures/media.js';
import type { ApiClient } from '../helpers/client.js';
import { createPending, startContentStack, type ClientResource, type ContentStack } from './content-stack.js';

const TTL_SECONDS = 120;
type ErrorBody = { error: { status: boolean; code: number; message: string } };
type UrlAnswer = { url: string; expiresAt: number };
type ResourceUrl = { url: string; encryptionVersion?: string; encryptionEpoch?: number; encryptionEpk?: string };

let cs: ContentStack;
let owner: { id: string; token: string; api: ApiClient };
let stranger: { id: string; token: string; api: ApiClient };
let png: Buffer;
let original: ClientResource;

async function user() {
  const u = await cs.stack.user();
  return { ...u, api: cs.anon.as(u.token) };
}

async function upload(
  api: ApiClient,
  token: string,
  bytes: Buffer,
  resource: Record<string, unknown> = {},
  placement: Record<string, unknown> = {},
) {
  const created = await api.post<ClientResource>('/api/v0/resource/create', { resource: { title: 'Read me', ...resource }, ...placement });
  const res = await fetch(`${cs.stack.url}/api/v0/resource/${created.body.id}/content`, {
    method: 'PUT',
    body: new Uint8Array(bytes),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
  });
  if (res.status !== 200) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ClientResource;
}

/** A link resource as resource:createLinkResource stores it: its own id and owner, the original's id and object. */
async function storeLink(to: ClientResource, ownerId: string): Promise<string> {
  const id = randomUUID();
  const now = Date.now();
  const link: ResourceDoc = {
    id,
    created: now,
    updated: now,
    title: 'Link',
    belonging: `userSortingTable:${ownerId}`,
    belongingType: 'userSortingTable',
    status: 'ready',
    totalReactions: 0,
    ownerId,
    networkId: 'default',
    linkId: to.id,
    linkType: 'local',
    storagePath: `originals/${to.id}`,
  };
  await resources().doc(id).create(link);
  return id;
}

beforeAll(async () => {
  cs = await startContentStack({ SIGNED_URL_TTL_SECONDS: String(TTL_SECONDS) });
  [owner, stranger] = await Promise.all([user(), user()]);
  png = await halfTransparentPng(48, 48);
  original = await upload(owner.api, owner.token, png, {
    metadata: { fileName: 'shape.png' },
    encryptionVersion: 'verus.v1',
    encryptionEpoch: 3,
    encryptionEpk: 'epk-value',
  });
});

afterAll(async () => {
  await cs?.stop();
});

describe('redirects to the bytes', () => {
  it('302 to a signed URL valid SIGNED_URL_TTL_SECONDS, inline with the file name by default', async () => {
    const res = await owner.api.get(`/api/v0/resource/${original.id}`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    // the library derives the lifetime from the clock while signing: a second may pass meanwhile
    const expires = Number(location.searchParams.get('X-Goog-Expires'));
    expect(expires).toBeGreaterThanOrEqual(TTL_SECONDS - 1);
    expect(expires).toBeLessThanOrEqual(TTL_SECONDS);
    expect(location.searchParams.get('response-content-disposition')).toBe(`inline; filename="shape.png"; filename*=UTF-8''shape.png`);
    const bytes = Buffer.from(await (await fetch(location)).arrayBuffer());
    expect(bytes.equals(png)).toBe(true);
  });

  it('passes response-content-disposition on to the bucket', async () => {
    const disposition = 'attachment; filename="download.png"';
    const res = await owner.api.get(`/api/v0/resource/${original.id}?response-content-disposition=${encodeURIComponent(disposition)}`);
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!).searchParams.get('response-content-disposition')).toBe(disposition);

    const bad = await owner.api.get<ErrorBody>(
      `/api/v0/resource/${original.id}?response-content-disposition=${encodeURIComponent('inline\r\nX-Evil: 1')}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/response-content-disposition/);
  });

  it("reads from a network: the resource's own or the default network, 404 from another", async () => {
    expect((await owner.api.get(`/api/v0/resource/network/default/${original.id}`)).status).toBe(302);
    const elsewhere = await upload(owner.api, owner.token, Buffer.from('acme notes'), {}, { networkId: 'acme' });
    const own = await owner.api.get(`/api/v0/resource/network/acme/${elsewhere.id}?response-content-disposition=attachment`);
    expect(own.status).toBe(302);
    expect(new URL(own.headers.get('location')!).searchParams.get('response-content-disposition')).toBe('attachment');
    const other = await owner.api.get<ErrorBody>(`/api/v0/resource/network/beta/${elsewhere.id}`);
    expect(other.status).toBe(404);
    expect((await owner.api.get(`/api/v0/resource/network/beta/url/${elsewhere.id}`)).status).toBe(404);
    const url = await owner.api.get<UrlAnswer>(`/api/v0/resource/network/acme/url/${elsewhere.id}`);
    expect(url.status).toBe(200);
    expect(await (await fetch(url.body.url)).text()).toBe('acme notes');
  });
});

describe('direct URLs', () => {
  it('GET /url/{id} answers { url, expiresAt } of the bytes', async () => {
    const before = Date.now();
    const res = await owner.api.get<UrlAnswer>(`/api/v0/resource/url/${original.id}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'url']);
    expect(res.body.expiresAt).toBeGreaterThanOrEqual(before + TTL_SECONDS * 1000);
    expect(res.body.expiresAt).toBeLessThanOrEqual(Date.now() + TTL_SECONDS * 1000);
    expect(Buffer.from(await (await fetch(res.body.url)).arrayBuffer()).equals(png)).toBe(true);
  });

  it('resource:getResourceUrl and the deprecated resource:getUrl answer the URL with the encryption parameters', async () => {
    const current = await owner.api.ops<ResourceUrl>('resource:getResourceUrl', { resourceId: original.id });
    expect(current.status).toBe(200);
    expect(current.body.data).toEqual({
      url: expect.any(String),
      encryptionVersion: 'verus.v1',
      encryptionEpoch: 3,
      encryptionEpk: 'epk-value',
    });
    expect(Buffer.from(await (await fetch(current.body.data.url)).arrayBuffer()).equals(png)).toBe(true);

    const alias = await owner.api.ops<ResourceUrl>('resource:getUrl', { resource: original.id });
    expect(alias.status).toBe(200);
    expect(alias.body.data).toEqual({ ...current.body.data, url: expect.any(String) });
    expect(new URL(alias.body.data.url).pathname).toBe(new URL(current.body.data.url).pathname);
  });
});

describe('proxy', () => {
  const path = () => `/api/v0/resource/proxy/${original.id}`;

  it('serves the whole content with its type, length, ETag and Accept-Ranges', async () => {
    const res = await owner.api.get<Buffer>(path());
    expect(res.status).toBe(200);
    expect(res.body.equals(png)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe(String(png.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toMatch(/^"[0-9]+"$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves one byte range with 206 and Content-Range', async () => {
    const first = await owner.api.get<Buffer>(path(), { range: 'bytes=0-9' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-9/${png.length}`);
    expect(first.body.equals(png.subarray(0, 10))).toBe(true);

    const tail = await owner.api.get<Buffer>(path(), { range: 'bytes=-16' });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${png.length - 16}-${png.length - 1}/${png.length}`);
    expect(tail.body.equals(png.subarray(png.length - 16))).toBe(true);
  });

  it('answers 304 to a matching If-None-Match and the content to a stale one', async () => {
    const etag = (await owner.api.get(path())).headers.get('etag')!;
    const cached = await owner.api.get<Buffer>(path(), { 'if-none-match': etag });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe(etag);
    expect(cached.body.length).toBe(0);
    expect((await owner.api.get(path(), { 'if-none-match': '"1"' })).status).toBe(200);
  });

  it('answers 416 with the size to a range past the end', async () => {
    const res = await owner.api.get<ErrorBody>(path(), { range: `bytes=${png.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${png.length}`);
    expect(res.body.error).toMatchObject({ status: true, code: 416 });
  });
});

describe('link resources', () => {
  it("serve their original's bytes to the link's reader", async () => {
    const viewer = await user();
    const linkId = await storeLink(original, viewer.id);
    expect((await viewer.api.get(`/api/v0/resource/proxy/${original.id}`)).status).toBe(404);

    const proxied = await viewer.api.get<Buffer>(`/api/v0/resource/proxy/${linkId}`);
    expect(proxied.status).toBe(200);
    expect(proxied.body.equals(png)).toBe(true);
    const url = await viewer.api.get<UrlAnswer>(`/api/v0/resource/url/${linkId}`);
    expect(Buffer.from(await (await fetch(url.body.url)).arrayBuffer()).equals(png)).toBe(true);
    const redirect = await viewer.api.get(`/api/v0/resource/${linkId}`);
    expect(redirect.status).toBe(302);
    expect(new URL(redirect.headers.get('location')!).searchParams.get('response-content-disposition')).toMatch(/filename="shape.png"/);
    const ws = await viewer.api.ops<ResourceUrl>('resource:getResourceUrl', { resourceId: linkId });
    expect(ws.body.data).toMatchObject({ encryptionVersion: 'verus.v1', encryptionEpoch: 3, encryptionEpk: 'epk-value' });
  });

  it("answer 409 when the link does not share its original's object", async () => {
    const viewer = await user();
    const linkId = await storeLink(original, viewer.id);
    await resources()
      .doc(linkId)
      .update({ storagePath: `originals/${randomUUID()}` });
    const res = await viewer.api.get<ErrorBody>(`/api/v0/resource/proxy/${linkId}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/does not share the content/);
  });
});

describe('access and missing content', () => {
  it('answers 404 to a stranger, on every read, exactly as for an unknown id', async () => {
    for (const id of [original.id, randomUUID()]) {
      for (const path of [
        `/api/v0/resource/${id}`,
        `/api/v0/resource/network/default/${id}`,
        `/api/v0/resource/proxy/${id}`,
        `/api/v0/resource/url/${id}`,
        `/api/v0/resource/network/default/url/${id}`,
      ]) {
        const res = await stranger.api.get<ErrorBody>(path);
        expect(res.status, path).toBe(404);
        expect(res.body).toEqual({ error: { status: true, code: 404, message: 'resource not found' } });
      }
      for (const [endpoint, data] of [
        ['resource:getResourceUrl', { resourceId: id }],
        ['resource:getUrl', { resource: id }],
      ] as const) {
        const res = await stranger.api.ops(endpoint, data);
        expect(res.status).toBe(404);
        expect(res.body.error).toEqual({ status: true, code: 404, message: 'resource not found' });
      }
    }
  });

  it('answers 401 without a token', async () => {
    expect((await cs.anon.get(`/api/v0/resource/proxy/${original.id}`)).status).toBe(401);
  });

  it('answers 409 for a resource whose content is not uploaded yet', async () => {
    const pending = await createPending(owner.api);
    for (const path of [`/api/v0/resource/${pending.id}`, `/api/v0/resource/proxy/${pending.id}`, `/api/v0/resource/url/${pending.id}`]) {
      const res = await owner.api.get<ErrorBody>(path);
      expect(res.status, path).toBe(409);
      expect(res.body.error.message).toBe(`resource ${pending.id} has no content yet: upload it first`);
    }
  });
});
