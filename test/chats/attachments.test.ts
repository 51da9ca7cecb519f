import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucket } from '../../shared/gcp/clients.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { expectValidBody } from './support/operations.js';
import { createRoom, expectError, withEnv, type RoomBody } from './support/rooms.js';
import { startChatsStack, type ChatsStack, type ChatsUser } from './support/stack.js';
import { encodeUnicodeHeader } from '../../shared/http-headers/unicode-header.js';

let chats: ChatsStack;
let events: EventTap;

beforeAll(async () => {
  chats = await startChatsStack();
  events = await tapEvents();
});

afterAll(async () => {
  await events?.close();
  await chats?.stop();
});

interface AttachmentBody {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  userId: string;
  roomId: string;
  createdAt: string;
  area?: string;
}

interface Page {
  filter?: string;
  attachments: AttachmentBody[];
}

async function groupOf3(): Promise<{ owner: ChatsUser; member: ChatsUser; other: ChatsUser; room: RoomBody }> {
  const [owner, member, other] = await Promise.all([chats.user(), chats.user(), chats.user()]);
  const room = await createRoom(owner.api, { type: 'group', name: 'Files', membersIds: [member.id, other.id] });
  return { owner, member, other, room };
}

const uploadHeaders = (fileName: string, mimeType = 'text/plain', extra: Record<string, string> = {}) => ({
  'content-type': 'application/octet-stream',
  filename: encodeUnicodeHeader(fileName),
  mimetype: mimeType,
  ...extra,
});

async function upload(user: ChatsUser, roomId: string, bytes: Buffer, fileName = 'notes.txt', mimeType = 'text/plain'): Promise<string> {
  const res = await user.api.post<{ id: string }>(`/rooms/${roomId}/attachments`, bytes, uploadHeaders(fileName, mimeType));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expectValidBody('insertAttachment', res.body);
  return res.body.id;
}

describe('insertAttachment, getAttachmentInfo, getAttachment', () => {
  it('stores a file with its Unicode name and metadata, and streams it back with the right headers', async () => {
    const { member, other, room } = await groupOf3();
    const bytes = Buffer.from('Ünïcödé bytes ✓\n'.repeat(100));
    const res = await member.api.post<{ id: string }>(
      `/rooms/${room.id}/attachments`,
      bytes,
      uploadHeaders('relevé 2024 — 日本.txt', 'text/plain', {
        description: encodeUnicodeHeader('le relevé ✓'),
        messageid: 'msg-1',
        replyid: 'msg-0',
        area: '640x480',
      }),
    );
    expect(res.status).toBe(201);
    expectValidBody('insertAttachment', res.body);
    const fileId = res.body.id;

    const info = await other.api.get<AttachmentBody>(`/attachments/${fileId}`);
    expect(info.status).toBe(200);
    expectValidBody('getAttachmentInfo', info.body);
    expect(info.body).toEqual({
      id: fileId,
      name: 'relevé 2024 — 日本.txt',
      size: bytes.length,
      mimeType: 'text/plain',
      userId: member.id,
      roomId: room.id,
      createdAt: expect.any(String),
    });
    const added = await events.next((e) => e.endpoint === 'chats:attachmentAdded' && e.channel === `room:${room.id}`);
    expect(added.data).toEqual({ roomId: room.id, attachment: info.body });

    const download = await other.api.get<Buffer>(`/attachments/${fileId}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')?.split(';')[0]).toBe('text/plain');
    expect(download.headers.get('content-length')).toBe(String(bytes.length));
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="relev_ 2024 _ __.txt"; filename*=UTF-8''${encodeURIComponent('relevé 2024 — 日本.txt')}`,
    );
    expect(Buffer.compare(download.body, bytes)).toBe(0);
  });

  it('refuses names that are not backslash-u escapes', async () => {
    const { member, room } = await groupOf3();
    const raw = Buffer.from('café.bin', 'utf8').toString('latin1');
    for (const name of [raw, 'notes.txt', encodeURIComponent('café.bin')]) {
      expectError(
        await member.api.post(`/rooms/${room.id}/attachments`, Buffer.from('x'), { ...uploadHeaders('x'), filename: name }),
        400,
        /fileName must be written as backslash-u escapes/,
      );
    }
  });

  it('refuses files over the size cap with 413, keeping nothing', async () => {
    const { member, room } = await groupOf3();
    const objectNames = async () => (await bucket().getFiles({ prefix: 'attachments/' }))[0].map((o) => o.name);
    const before = new Set(await objectNames());
    await withEnv({ CHATS_MAX_ATTACHMENT_BYTES: '1000' }, async () => {
      expectError(
        await member.api.post(`/rooms/${room.id}/attachments`, Buffer.alloc(1001, 7), uploadHeaders('big.bin')),
        413,
        /larger than the maximum of 1000 bytes/,
      );
      await upload(member, room.id, Buffer.alloc(1000, 7), 'fits.bin');
    });
    const page = await member.api.get<Page>(`/rooms/${room.id}/attachments`);
    expect(page.body.attachments.map((a) => a.name)).toEqual(['fits.bin']);
    expect((await objectNames()).filter((name) => !before.has(name))).toEqual([`attachments/${page.body.attachments[0].id}`]);
  });

  it('is for members only (403), of rooms that exist (404), with the required headers (400)', async () => {
    const { member, room } = await groupOf3();
    const stranger = await chats.user();
    const bytes = Buffer.from('x');
    expectError(await stranger.api.post(`/rooms/${room.id}/attachments`, bytes, uploadHeaders('a.txt')), 403);
    expectError(await member.api.post(`/rooms/${randomUUID()}/attachments`, bytes, uploadHeaders('a.txt')), 404);
    expectError(
      await member.api.post(`/rooms/${room.id}/attachments`, bytes, { 'content-type': 'application/octet-stream', mimetype: 'text/plain' }),
      400,
      /fileName is required/,
    );
    expectError(
      await member.api.post(`/rooms/${room.id}/attachments`, bytes, { 'content-type': 'application/octet-stream', filename: 'a.txt' }),
      400,
      /mimeType is required/,
    );
    expectError(await member.api.post(`/rooms/${room.id}/attachments`, bytes, uploadHeaders('a.txt', 'not a type')), 400, /mimeType/);
    expectError(
      await member.api.post(`/rooms/${room.id}/attachments`, bytes, uploadHeaders('n'.repeat(256))),
      400,
      /fileName is longer than 255/,
    );

    const fileId = await upload(member, room.id, bytes);
    expectError(await stranger.api.get(`/attachments/${fileId}`), 403);
    expectError(await stranger.api.get(`/attachments/${fileId}/download`), 403);
    expectError(await member.api.get(`/attachments/${randomUUID()}`), 404, /attachment not found/);
    expectError(await member.api.get(`/attachments/${randomUUID()}/download`), 404);
    expectError(await member.api.get('/attachments/file-1'), 400, /fileId/);
  });
});

describe('listRoomAttachmentInfo', () => {
  it("pages through a room's attachments newest first, with a filter for the next page", async () => {
    const { owner, member, room } = await groupOf3();
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await upload(i % 2 ? owner : member, room.id, Buffer.from(`file ${i}`), `f${i}.txt`));
    const newestFirst = [...ids].reverse();

    const seen: string[] = [];
    let filter: string | undefined;
    const sizes: number[] = [];
    do {
      const query: string = `itemsNumber=2${filter ? `&filter=${encodeURIComponent(filter)}` : ''}`;
      const page: { status: number; body: Page } = await member.api.get<Page>(`/rooms/${room.id}/attachments?${query}`);
      expect(page.status).toBe(200);
      expectValidBody('listRoomAttachmentInfo', page.body);
      sizes.push(page.body.attachments.length);
      seen.push(...page.body.attachments.map((a) => a.id));
      filter = page.body.filter;
    } while (filter);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(newestFirst);

    const all = await member.api.get<Page>(`/rooms/${room.id}/attachments`);
    expect(all.body.attachments.map((a) => a.id)).toEqual(newestFirst);
    expect(all.body).not.toHaveProperty('filter');
  });

  it('refuses outsiders (403), unknown rooms (404), foreign or broken filters and bad page sizes (400)', async () => {
    const { member, room } = await groupOf3();
    const second = await groupOf3();
    for (let i = 0; i < 3; i++) await upload(member, room.id, Buffer.from('x'));
    const first = await member.api.get<Page>(`/rooms/${room.id}/attachments?itemsNumber=1`);
    const filter = encodeURIComponent(first.body.filter ?? '');
    expectError(await second.owner.api.get(`/rooms/${second.room.id}/attachments?filter=${filter}`), 400, /filter/);
    expectError(await member.api.get(`/rooms/${room.id}/attachments?filter=garbage`), 400, /filter/);
    expectError(await member.api.get(`/rooms/${room.id}/attachments?itemsNumber=0`), 400, /itemsNumber/);
    expectError(await member.api.get(`/rooms/${room.id}/attachments?itemsNumber=ten`), 400, /itemsNumber/);
    expectError(await second.owner.api.get(`/rooms/${room.id}/attachments`), 403);
    expectError(await member.api.get(`/rooms/${randomUUID()}/attachments`), 404);
  });
});

describe('deleteAttachment', () => {
  it('lets the uploader or an owner of the room delete, removing the bytes', async () => {
    const { owner, member, other, room } = await groupOf3();
    const mine = await upload(member, room.id, Buffer.from('mine'));
    const theirs = await upload(other, room.id, Buffer.from('theirs'));
    expectError(await other.api.delete(`/attachments/${mine}`), 403, /uploader or an owner/);
    expect((await member.api.delete(`/attachments/${mine}`)).status).toBe(204);
    const deleted = await events.next((e) => e.endpoint === 'chats:attachmentDeleted' && e.channel === `room:${room.id}`);
    expect(deleted.data).toEqual({ roomId: room.id, fileId: mine });
    expectError(await member.api.get(`/attachments/${mine}`), 404);
    expectError(await member.api.get(`/attachments/${mine}/download`), 404);
    expect((await owner.api.delete(`/attachments/${theirs}`)).status).toBe(204);
    const [objects] = await bucket().getFiles({ prefix: 'attachments/' });
    expect(objects.map((o) => o.name)).not.toContain(`attachments/${mine}`);
    expect(objects.map((o) => o.name)).not.toContain(`attachments/${theirs}`);
    expectError(await owner.api.delete(`/attachments/${theirs}`), 404);
    const stranger = await chats.user();
    const kept = await upload(member, room.id, Buffer.from('kept'));
    expectError(await stranger.api.delete(`/attachments/${kept}`), 403);
  });

  it('goes away with its room', async () => {
    const { owner, member, room } = await groupOf3();
    const fileId = await upload(member, room.id, Buffer.from('bye'));
    expect((await owner.api.delete(`/rooms/${room.id}`)).status).toBe(204);
    expectError(await member.api.get(`/attachments/${fileId}`), 404);
    const [objects] = await bucket().getFiles({ prefix: `attachments/${fileId}` });
    expect(objects).toEqual([]);
  });
});
