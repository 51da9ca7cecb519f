import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { deployables } from '../../functions/manifest.js';
import { pngImage } from '../chats/support/media.js';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { expectEnvelope, rawRequest } from './support.js';
import { freePort, startFunctionProcess, type Spawned } from './spawn.js';
import { encodeUnicodeHeader } from '../../shared/http-headers/unicode-header.js';

const SECRET = 'body-bytes-that-must-never-be-logged-5f1e';

let stack: TestStack;
let fn: Spawned;
let base: string;
let token: string;
let roomId: string;
const ids: Record<string, string> = {};

async function truncatedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i++) doc.addPage([200, 300]).drawText(`page ${i}`);
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

beforeAll(async () => {
  // rooms are made through the in-process stack; the attachments function under test runs in its own process
  stack = await startTestStack({
    deployables: deployables.filter((d) => ['chats-rooms', 'chats-users', 'chats-attachments'].includes(d.name)),
  });
  const users = await Promise.all([stack.user(), stack.user(), stack.user()]);
  const [owner, ...others] = users.map((u) => ({ ...u, api: new ApiClient(stack.url, u.token) }));
  for (const o of others) await o.api.get('/users/capabilities');
  token = owner.token;
  const room = await owner.api.post<{ id: string }>('/rooms', { type: 'group', name: 'Logs', membersIds: others.map((o) => o.id) });
  roomId = room.body.id;
  const attach = async (name: string, bytes: Buffer, mimeType: string) => {
    const res = await owner.api.post<{ id: string }>(`/rooms/${roomId}/attachments`, bytes, {
      'content-type': 'application/octet-stream',
      filename: encodeUnicodeHeader(name),
      mimetype: mimeType,
    });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  };
  await attach('damaged.pdf', Buffer.from('%PDF-1.7\n%garbage\n'), 'application/pdf');
  await attach('truncated.pdf', await truncatedPdf(), 'application/pdf');
  await attach('picture.png', await pngImage(40, 40), 'image/png');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  fn = startFunctionProcess('chats-attachments', port, { ...process.env, LOG_LEVEL: 'DEBUG' });
  await fn.line(/Serving function/);
}, 120_000);

afterAll(async () => {
  await fn?.stop();
  await stack?.stop();
});

describe('a function process', () => {
  it('answers damaged PDFs, malformed bodies and bad paths cleanly, and logs only JSON lines with a severity and no body bytes', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expectEnvelope(await rawRequest(base, 'GET', `/preview/pdf/${ids['damaged.pdf']}/`, auth), 400, 'chats', /PDF/);
    expectEnvelope(await rawRequest(base, 'GET', `/preview/pdf/${ids['truncated.pdf']}/`, auth), 400, 'chats', /PDF/);
    expectEnvelope(await rawRequest(base, 'GET', `/preview/pdf/${ids['truncated.pdf']}/64x64/thumbnail`, auth), 400, 'chats', /PDF/);
    expect((await rawRequest(base, 'GET', `/preview/image/${ids['picture.png']}/20x20/?v=3`, auth)).status).toBe(200);
    expectEnvelope(
      await rawRequest(base, 'POST', '/ops/no:such', { ...auth, 'content-type': 'application/json' }, `{"secret":"${SECRET}"`),
      400,
      'resource',
    );
    expectEnvelope(await rawRequest(base, 'POST', '/ops/%E0%A4%A', { 'content-type': 'application/json' }, `{"${SECRET}"`), 400, 'ops');
    const upload = { 'content-type': 'text/plain', filename: encodeUnicodeHeader('notes.txt'), mimetype: 'text/plain' };
    const stored = await rawRequest(base, 'POST', `/rooms/${roomId}/attachments`, { ...auth, ...upload }, SECRET);
    expect(stored.status, stored.text).toBe(201);
    expectEnvelope(
      await rawRequest(base, 'POST', `/rooms/${roomId}/attachments`, { cookie: `ZM_AUTH_TOKEN=${token}`, ...upload }, SECRET),
      415,
      'chats',
      /cookie/,
    );
    // the warnings pdf-lib prints about the truncated file were written by now
    await fn.line(/invalid object/i);

    const entries = fn.lines
      .filter((l) => l.trim() !== '')
      .map((line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        expect(entry.severity, line).toMatch(/^(DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL)$/);
        return entry;
      });
    expect(entries.some((e) => e.source === 'console' && /invalid object/i.test(String(e.message)))).toBe(true);
    expect(entries.some((e) => /Serving function/.test(String(e.message)))).toBe(true);
    expect(fn.lines.join('\n')).not.toContain(SECRET);
  }, 60_000);
});
