import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUpload } from '../../shared/content/completion.js';
import { finalizeNotification, type ObjectResource } from '../../shared/content/storage-notification.js';
import type { UploadTarget } from '../../shared/content/upload-target.js';
import { bucket } from '../../shared/gcp/clients.js';
import { halfTransparentPng, threePagePdf } from '../fixtures/media.js';
import { onUploadFinalized } from '../../functions/resource-content/upload-finalized.js';
import type { ApiClient } from '../helpers/client.js';
import { createPending, getResource, startContentStack, waitFor, type ClientResource, type ContentStack } from './content-stack.js';

const MAX_UPLOAD_BYTES = 64 * 1024;
type ErrorBody = { error: { status: boolean; code: number; message: string } };

let cs: ContentStack;

beforeAll(async () => {
  cs = await startContentStack({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) });
});

afterAll(async () => {
  await cs?.stop();
});

async function owner(): Promise<{ id: string; api: ApiClient; token: string }> {
  const user = await cs.stack.user();
  return { ...user, api: cs.anon.as(user.token) };
}

const originalExists = async (id: string) => (await bucket().file(`originals/${id}`).exists())[0];

function putContent(token: string, id: string, body: Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return fetch(`${cs.stack.url}/api/v0/resource/${id}/content`, {
    method: 'PUT',
    body: body as unknown as BodyInit,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', ...headers },
    duplex: 'half',
  } as RequestInit);
}

/** A request body without Content-Length: the bytes arrive chunked. */
function chunked(bytes: Buffer): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += 8192) controller.enqueue(bytes.subarray(offset, offset + 8192));
      controller.close();
    },
  });
}

describe('direct upload to a resumable session', () => {
  it('completes from the bucket notification: sniffed type and size, processing job, events', async () => {
    const user = await owner();
    const created = await createPending(user.api, { metadata: { fileName: 'shape.bin', contentType: 'text/html' } });
    const target = await user.api.post<UploadTarget>(`/api/v0/resource/${created.id}/upload`);
    expect(target.status).toBe(200);
    expect(target.body).toMatchObject({ method: 'PUT', objectPath: `originals/${created.id}` });
    expect(target.body.expiresAt).toBeGreaterThan(Date.now());

    const png = await halfTransparentPng(32, 32);
    const put = await fetch(target.body.url, { method: 'PUT', body: new Uint8Array(png), headers: { 'content-type': 'text/html' } });
    expect(put.status).toBe(200);

    const { job, attributes } = await cs.jobs.next(created.id);
    expect(job).toEqual({ resourceId: created.id, objectPath: `originals/${created.id}`, generation: expect.stringMatching(/^[0-9]+$/) });
    expect(attributes.idempotencyKey).toBe(`upload:${created.id}:${job.generation}`);

    const resource = await getResource(user.api, created.id);
    expect(resource.status).toBe('processing');
    expect(resource.metadata).toEqual({ fileName: 'shape.bin', fileSize: png.length, contentType: 'image/png' });
    expect(resource.updated).toBeGreaterThan(created.updated - 1);

    const updated = await cs.events.next((e) => e.endpoint === 'resource:updated' && e.channel === `resource:${created.id}`);
    expect(updated.data).toMatchObject({ belonging: `userSortingTable:${user.id}`, resource: { id: created.id, status: 'processing' } });
    const sortingTable = await cs.events.next((e) => e.endpoint === 'sortingTable:resourceUpdated' && e.channel === `user:${user.id}`);
    expect(sortingTable.data).toMatchObject({ resource: { id: created.id, metadata: { contentType: 'image/png', fileSize: png.length } } });

    const served = await user.api.get<Buffer>(`/api/v0/resource/proxy/${created.id}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.body.equals(png)).toBe(true);
  });

  it('fails the resource when the uploaded bytes pass MAX_UPLOAD_BYTES: no job, bytes deleted', async () => {
    const user = await owner();
    const created = await createPending(user.api);
    const target = await user.api.post<UploadTarget>(`/api/v0/resource/${created.id}/upload`);
    const put = await fetch(target.body.url, { method: 'PUT', body: new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(1) });
    expect(put.status).toBe(200);

    const failed = await waitFor(
      async () => {
        const resource = await getResource(user.api, created.id);
        return resource.status === 'failed' ? resource : undefined;
      },
      15_000,
      'resource not failed',
    );
    expect(failed.status).toBe('failed');
    await waitFor(async () => ((await originalExists(created.id)) ? undefined : true), 5_000, 'oversized bytes not deleted');
    expect(cs.jobs.received.filter((r) => r.job.resourceId === created.id)).toEqual([]);

    const read = await user.api.get<ErrorBody>(`/api/v0/resource/proxy/${created.id}`);
    expect(read.status).toBe(409);
    expect(read.body.error.message).toMatch(/holds no stored content \(the content is larger than the maximum of 65536 bytes/);
  });

  it('refuses at create a declared file size above MAX_UPLOAD_BYTES, writing nothing', async () => {
    const user = await owner();
    const refused = await user.api.post<ErrorBody>('/api/v0/resource/create', {
      resource: { title: 'Too big', metadata: { fileSize: MAX_UPLOAD_BYTES + 1 } },
    });
    expect(refused.status).toBe(413);
    expect(refused.body.error).toEqual({ status: true, code: 413, message: expect.stringMatching(/MAX_UPLOAD_BYTES/) });
    const table = await user.api.ops<{ content: unknown[] }>('sortingTable:get', { offset: 0, size: 10 });
    expect(table.body.data.content).toEqual([]);
  });

  it('answers an upload target at create, which a plain HTTP client uses to reach processing', async () => {
    const user = await owner();
    const created = await user.api.post<ClientResource & { upload: UploadTarget }>('/api/v0/resource/create', {
      resource: { title: 'Direct', metadata: { fileName: 'a.png' } },
    });
    expect(created.status).toBe(200);
    expect(created.body.upload).toMatchObject({ method: 'PUT', objectPath: `originals/${created.body.id}` });
    const png = await halfTransparentPng(16, 16);
    expect((await fetch(created.body.upload.url, { method: 'PUT', body: new Uint8Array(png) })).status).toBe(200);
    const job = await cs.jobs.next(created.body.id);
    expect(job.job.objectPath).toBe(`originals/${created.body.id}`);
    const resource = await waitFor(
      async () => {
        const r = await getResource(user.api, created.body.id);
        return r.status === 'processing' ? r : undefined;
      },
      15_000,
      'resource at processing',
    );
    expect(resource.metadata).toMatchObject({ contentType: 'image/png', fileSize: png.length });

    const viaWs = await user.api.ops<{ resource: ClientResource; upload: UploadTarget }>('resource:create', {
      resource: { title: 'Over the socket' },
    });
    expect(viaWs.body.data.upload.objectPath).toBe(`originals/${viaWs.body.data.resource.id}`);
    const remote = await user.api.ops<{ resource: ClientResource; upload?: UploadTarget }>('resource:create', {
      resource: { metadata: { link: 'https://example.org/x' } },
    });
    expect(remote.body.data).not.toHaveProperty('upload');
  });

  it('opens sessions only for the owner of a resource still waiting for its content', async () => {
    const user = await owner();
    const stranger = await owner();
    const created = await createPending(user.api);
    expect((await stranger.api.post<ErrorBody>(`/api/v0/resource/${created.id}/upload`)).status).toBe(404);
    expect((await stranger.api.post<ErrorBody>(`/api/v0/resource/${randomUUID()}/upload`)).status).toBe(404);
    expect((await putContent(user.token, created.id, Buffer.from('%PDF-1.4 tiny'))).status).toBe(200);
    const again = await user.api.post<ErrorBody>(`/api/v0/resource/${created.id}/upload`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/uploaded already \(status processing\)/);
  });
});

describe('upload streamed through the function', () => {
  it('stores the body and answers the resource at processing with the sniffed type; the job is published', async () => {
    const user = await owner();
    const created = await createPending(user.api, { metadata: { fileName: 'pages.pdf' } });
    const pdf = await threePagePdf();
    const res = await putContent(user.token, created.id, pdf, { 'content-type': 'image/png' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ClientResource;
    expect(body).toMatchObject({
      id: created.id,
      status: 'processing',
      metadata: { fileName: 'pages.pdf', fileSize: pdf.length, contentType: 'application/pdf' },
    });
    expect(body).not.toHaveProperty('storagePath');

    const { job } = await cs.jobs.next(created.id);
    expect(job.objectPath).toBe(`originals/${created.id}`);
    const [stored] = await bucket().file(`originals/${created.id}`).download();
    expect(stored.equals(pdf)).toBe(true);
    const [objectMetadata] = await bucket().file(`originals/${created.id}`).getMetadata();
    expect(objectMetadata.contentType).toBe('application/pdf');
  });

  it('answers 413 from Content-Length beyond the cap and stores nothing', async () => {
    const user = await owner();
    const created = await createPending(user.api);
    const res = await putContent(user.token, created.id, Buffer.alloc(MAX_UPLOAD_BYTES + 1, 7));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error).toEqual({
      status: true,
      code: 413,
      message: `the content is larger than the maximum of ${MAX_UPLOAD_BYTES} bytes (MAX_UPLOAD_BYTES)`,
    });
    expect(await originalExists(created.id)).toBe(false);
    expect((await getResource(user.api, created.id)).status).toBe('pending');
  });

  it('answers 413 from the bytes themselves when no Content-Length is sent, and stores nothing', async () => {
    const user = await owner();
    const created = await createPending(user.api);
    const res = await putContent(user.token, created.id, chunked(Buffer.alloc(MAX_UPLOAD_BYTES + 10, 3)));
    expect(res.status).toBe(413);
    expect(await originalExists(created.id)).toBe(false);
    expect((await getResource(user.api, created.id)).status).toBe('pending');

    const fits = await putContent(user.token, created.id, chunked(Buffer.alloc(MAX_UPLOAD_BYTES, 3)));
    expect(fits.status).toBe(200);
    expect(((await fits.json()) as ClientResource).metadata).toMatchObject({
      fileSize: MAX_UPLOAD_BYTES,
      contentType: 'application/octet-stream',
    });
  });

  it('answers 400 to an empty body, 409 to a second upload, 404 to anyone but the owner', async () => {
    const user = await owner();
    const stranger = await owner();
    const created = await createPending(user.api);

    const empty = await putContent(user.token, created.id, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).error.message).toMatch(/body is empty/);

    const foreign = await putContent(stranger.token, created.id, Buffer.from('hello'));
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as ErrorBody).error.message).toBe('resource not found');
    expect((await putContent(stranger.token, randomUUID(), Buffer.from('hello'))).status).toBe(404);
    expect(await originalExists(created.id)).toBe(false);

    expect((await putContent(user.token, created.id, Buffer.from('first version'))).status).toBe(200);
    const second = await putContent(user.token, created.id, Buffer.from('second version'));
    expect(second.status).toBe(409);
    expect((await bucket().file(`originals/${created.id}`).download())[0].toString()).toBe('first version');
  });
});

describe('completion', () => {
  it('changes the resource once per generation, however often the finalize notification arrives', async () => {
    const user = await owner();
    const created = await createPending(user.api);
    const res = await putContent(user.token, created.id, Buffer.from('plain words'));
    const completed = (await res.json()) as ClientResource;
    expect(completed.metadata).toMatchObject({ contentType: 'text/plain', fileSize: 11 });

    const [object] = await bucket().file(`originals/${created.id}`).getMetadata();
    const notification = finalizeNotification(object as ObjectResource);
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      type: 'google.cloud.pubsub.topic.v1.messagePublished',
      source: 'test',
      data: { message: { data: notification.data.toString('base64'), attributes: notification.attributes, messageId: randomUUID() } },
    };
    await onUploadFinalized(event);
    await onUploadFinalized(event);

    const again = await completeUpload(`originals/${created.id}`, String(object.generation), {});
    expect(again).toMatchObject({ kind: 'accepted', changed: false });
    const after = await getResource(user.api, created.id);
    expect(after.updated).toBe(completed.updated);
    expect(after.status).toBe('processing');
    const jobs = cs.jobs.received.filter((r) => r.job.resourceId === created.id);
    expect(new Set(jobs.map((r) => r.attributes.idempotencyKey))).toEqual(new Set([`upload:${created.id}:${object.generation}`]));
  });
});
