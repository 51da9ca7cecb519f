import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { pdfDocument, pngImage } from '../chats/support/media.js';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { expectEnvelope, rawRequest } from './support.js';
import { encodeUnicodeHeader } from '../../shared/http-headers/unicode-header.js';

let stack: TestStack;
let me: { id: string; api: ApiClient };
let roomId: string;
let imageId: string;
let pdfId: string;
let damagedPdfId: string;
let resourceId: string;

async function user() {
  const { id, token } = await stack.user();
  const api = new ApiClient(stack.url, token);
  await api.get('/users/capabilities');
  return { id, api };
}

async function attach(bytes: Buffer, fileName: string, mimeType: string): Promise<string> {
  const res = await me.api.post<{ id: string }>(`/rooms/${roomId}/attachments`, bytes, {
    'content-type': 'application/octet-stream',
    filename: encodeUnicodeHeader(fileName),
    mimetype: mimeType,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  const used = ['chats-rooms', 'chats-users', 'chats-attachments', 'resources', 'resource-content', 'resource-media'];
  stack = await startTestStack({ deployables: deployables.filter((d) => used.includes(d.name)) });
  me = await user();
  const others = [await user(), await user()];
  const room = await me.api.post<{ id: string }>('/rooms', { type: 'group', name: 'Bytes', membersIds: others.map((o) => o.id) });
  expect(room.status).toBe(201);
  roomId = room.body.id;
  imageId = await attach(await pngImage(120, 80), 'picture.png', 'image/png');
  pdfId = await attach(await pdfDocument(3), 'three.pdf', 'application/pdf');
  // a PDF header and nothing a reader can use: pdf-lib loads it, then fails on the missing page tree
  damagedPdfId = await attach(Buffer.from('%PDF-1.7\n%garbage\n'), 'damaged.pdf', 'application/pdf');
  const picture = await me.api.put(`/users/${me.id}/picture`, await pngImage(64, 64), {
    'content-type': 'application/octet-stream',
    filename: encodeUnicodeHeader('me.png'),
    mimetype: 'image/png',
  });
  expect(picture.status, JSON.stringify(picture.body)).toBeLessThan(300);
  const created = await me.api.post<{ id: string }>('/api/v0/resource/create', { resource: { title: 'Bytes' } });
  resourceId = created.body.id;
  const put = await me.api.request('PUT', `/api/v0/resource/${resourceId}/content`, Buffer.from('some bytes'), {
    'content-type': 'application/octet-stream',
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});

afterAll(async () => {
  await stack?.stop();
});

describe('byte-serving GETs', () => {
  it('ignore query parameters they do not use, such as cache busters', async () => {
    const paths = [
      `/preview/image/${imageId}/64x64/?v=17`,
      `/preview/image/${imageId}/64x64/thumbnail?v=17&_=1`,
      `/preview/pdf/${pdfId}/?v=17&firstPage=2`,
      `/attachments/${imageId}/download?v=17`,
      `/users/${me.id}/picture?v=17`,
      `/api/v0/resource/thumbnail/user/${me.id}?v=17`,
      `/api/v0/resource/thumbnail/user/size/128/${me.id}?v=17`,
      `/api/v0/resource/proxy/${resourceId}?v=17`,
    ];
    for (const path of paths) {
      const answer = await me.api.get<Buffer>(path);
      expect(answer.status, `${path}: ${String(answer.body)}`).toBe(200);
      expect(Buffer.isBuffer(answer.body) && answer.body.length > 0).toBe(true);
    }
    const redirect = await me.api.get(`/api/v0/resource/${resourceId}?v=17`);
    expect(redirect.status).toBe(302);
  });

  it('still use the parameters they declare, and still validate them', async () => {
    const pages = await me.api.get<Buffer>(`/preview/pdf/${pdfId}/?firstPage=2&lastPage=2&v=1`);
    expect(pages.status).toBe(200);
    expect(pages.body.toString('latin1')).toContain('%PDF');
    const bad = await me.api.get(`/preview/pdf/${pdfId}/?firstPage=zero&v=1`);
    expect(bad.status).toBe(400);
  });
});

describe('JSON bodies', () => {
  it('stay strict about unknown fields', async () => {
    const answer = await me.api.ops('resource:updateAttributes', { resource: resourceId, attributes: { title: 'x', bogus: 1 } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/bogus/);
    const listed = await me.api.ops('resource:searchBelonging', { belonging: `userSortingTable:${me.id}`, v: 17 });
    expect(listed.status).toBe(400);
  });
});

describe('a damaged PDF', () => {
  it('answers 400 on the PDF preview, as on its thumbnail', async () => {
    expectEnvelope(
      await rawRequest(stack.url, 'GET', `/preview/pdf/${damagedPdfId}/`, { authorization: `Bearer ${me.api.token}` }),
      400,
      'chats',
      /PDF/,
    );
    expectEnvelope(
      await rawRequest(stack.url, 'GET', `/preview/pdf/${damagedPdfId}/64x64/thumbnail`, { authorization: `Bearer ${me.api.token}` }),
      400,
      'chats',
      /PDF/,
    );
  });
});
