import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeUnicodeHeader } from '../../shared/http-headers/unicode-header.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { pngImage } from './support/media.js';
import { createRoom, expectError, type RoomBody } from './support/rooms.js';
import { startChatsStack, type ChatsStack, type ChatsUser } from './support/stack.js';

/**
 * The rules of the Chats reference (1.3.1) this project changed to hold, one test each, named by
 * rule number; the README's "Chats: reference rules" table maps every rule to where it is held.
 */

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

const users = (n: number) => Promise.all(Array.from({ length: n }, () => chats.user()));

async function groupOf3(): Promise<{ owner: ChatsUser; a: ChatsUser; b: ChatsUser; room: RoomBody }> {
  const [owner, a, b] = await users(3);
  const room = await createRoom(owner.api, { type: 'group', name: 'Team', membersIds: [a.id, b.id] });
  return { owner, a, b, room };
}

const fileHeaders = (fileName: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/octet-stream',
  filename: fileName,
  mimetype: 'text/plain',
  ...extra,
});

describe('R07 enums in any letter case', () => {
  it('takes room types, extraFields and preview parameters in any case, and names the parameter of an unknown value', async () => {
    const [owner, a, b] = await users(3);
    const room = await createRoom(owner.api, { type: 'GROUP', name: 'Loud', membersIds: [a.id, b.id] });
    expect(room.type).toBe('group');
    const listed = await owner.api.get<RoomBody[]>('/rooms?extraFields=MEMBERS&extraFields=Settings');
    expect(listed.body.find((r) => r.id === room.id)).toMatchObject({ members: room.members, userSettings: { muted: false } });
    expectError(
      await owner.api.post('/rooms', { type: 'lobby', name: 'x', membersIds: [a.id, b.id] }),
      400,
      /type must be one of group, one_to_one, workspace, channel, temporary/,
    );
    expectError(await owner.api.get('/rooms?extraFields=everything'), 400, /extraFields must be one of members, settings/);

    const image = await owner.api.post<{ id: string }>(`/rooms/${room.id}/attachments`, await pngImage(40, 20), {
      ...fileHeaders(encodeUnicodeHeader('i.png')),
      mimetype: 'image/png',
    });
    expect(image.status).toBe(201);
    const preview = await a.api.get<Buffer>(`/preview/image/${image.body.id}/20x10/?quality=HIGH&output_format=png`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/png');
    const thumbnail = await a.api.get<Buffer>(
      `/preview/image/${image.body.id}/16x16/thumbnail?shape=rounded&output_format=GIF&quality=lowest`,
    );
    expect(thumbnail.headers.get('content-type')).toBe('image/gif');
    expectError(
      await a.api.get(`/preview/image/${image.body.id}/20x10/?output_format=bmp`),
      400,
      /output_format must be one of Jpeg, Png, Gif/,
    );
    expectError(
      await a.api.get(`/preview/image/${image.body.id}/16x16/thumbnail?shape=oval`),
      400,
      /shape must be one of Rounded, Rectangular/,
    );
  });
});

describe('R69 output_format', () => {
  it('accepts `medium`, the default the reference declares, as the default format (JPEG)', async () => {
    const { owner, a, room } = await groupOf3();
    const image = await owner.api.post<{ id: string }>(`/rooms/${room.id}/attachments`, await pngImage(40, 20), {
      ...fileHeaders(encodeUnicodeHeader('i.png')),
      mimetype: 'image/png',
    });
    for (const query of ['?output_format=medium', '?output_format=Medium', '']) {
      const preview = await a.api.get<Buffer>(`/preview/image/${image.body.id}/20x10/${query}`);
      expect(preview.status, query).toBe(200);
      expect(preview.headers.get('content-type'), query).toBe('image/jpeg');
    }
  });
});

describe('R12 room creation', () => {
  it('refuses a one_to_one room with a name or description and a group or temporary room without a name', async () => {
    const [owner, a, b] = await users(3);
    expectError(
      await owner.api.post('/rooms', { type: 'one_to_one', name: 'Us', membersIds: [a.id] }),
      400,
      /one_to_one room has no name or description/,
    );
    expectError(
      await owner.api.post('/rooms', { type: 'one_to_one', description: 'd', membersIds: [a.id] }),
      400,
      /no name or description/,
    );
    expectError(await owner.api.post('/rooms', { type: 'group', membersIds: [a.id, b.id] }), 400, /name is required for group rooms/);
    expectError(await owner.api.post('/rooms', { type: 'temporary', membersIds: [a.id] }), 400, /name is required for temporary rooms/);
    expect((await owner.api.get<RoomBody[]>('/rooms')).body).toEqual([]);
  });

  it('answers 404 for the first invitee who is not a known user, and creates nothing', async () => {
    const [owner, a] = await users(2);
    const unknown = randomUUID();
    const later = randomUUID();
    for (const body of [
      { type: 'group', name: 'G', membersIds: [a.id, unknown, later] },
      { type: 'one_to_one', membersIds: [unknown] },
      { type: 'workspace', name: 'W', membersIds: [unknown, a.id] },
      { type: 'temporary', name: 'T', membersIds: [unknown] },
    ]) {
      expectError(await owner.api.post('/rooms', body), 404, new RegExp(`^user ${unknown} not found$`));
    }
    expect((await owner.api.get<RoomBody[]>('/rooms')).body).toEqual([]);
    expect((await a.api.get<RoomBody[]>('/rooms')).body).toEqual([]);
  });
});

describe('R13 one_to_one rooms', () => {
  it('carry no name or description', async () => {
    const [a, b] = await users(2);
    const room = await createRoom(a.api, { type: 'one_to_one', membersIds: [b.id] });
    const read = await b.api.get<RoomBody>(`/rooms/${room.id}`);
    for (const body of [room, read.body]) {
      expect(body).not.toHaveProperty('name');
      expect(body).not.toHaveProperty('description');
    }
  });
});

describe('R16 workspaces', () => {
  it('need no name', async () => {
    const [owner, a, b] = await users(3);
    const ws = await createRoom(owner.api, { type: 'workspace', membersIds: [a.id, b.id] });
    expect(ws).toMatchObject({ type: 'workspace', rank: 1 });
    expect(ws).not.toHaveProperty('name');
  });
});

describe('R17 channel creation', () => {
  it('checks ownership of the parent (403) before its type (400)', async () => {
    const { owner, a, room } = await groupOf3();
    expectError(await a.api.post('/rooms', { type: 'channel', name: 'c', parentId: room.id }), 403, /not an owner/);
    expectError(await owner.api.post('/rooms', { type: 'channel', name: 'c', parentId: room.id }), 400, /workspace/);
  });
});

describe('R19, R23, R24, R26 workspace views', () => {
  it('never give a workspace userSettings, and never give its channels members', async () => {
    const [owner, a, b] = await users(3);
    const ws = await createRoom(owner.api, { type: 'workspace', name: 'W', membersIds: [a.id, b.id] });
    expect(ws).not.toHaveProperty('userSettings');
    expect(ws.members).toHaveLength(3);
    const ch = await createRoom(owner.api, { type: 'channel', name: 'general', parentId: ws.id });
    expect(ch.members).toEqual(ws.members);
    expect(ch.userSettings).toEqual({ muted: false });

    const read = await a.api.get<RoomBody>(`/rooms/${ws.id}`);
    expect(read.body).not.toHaveProperty('userSettings');
    expect(read.body.members).toEqual(ws.members);
    expect(read.body.children).toEqual([expect.objectContaining({ id: ch.id, rank: 1, userSettings: { muted: false } })]);
    expect(read.body.children?.[0]).not.toHaveProperty('members');

    const listed = (await a.api.get<RoomBody[]>('/rooms?extraFields=members&extraFields=settings')).body.find((r) => r.id === ws.id);
    expect(listed).not.toHaveProperty('userSettings');
    expect(listed?.members).toEqual(ws.members);
    expect(listed?.children?.[0]).toMatchObject({ id: ch.id, userSettings: { muted: false } });
    expect(listed?.children?.[0]).not.toHaveProperty('members');
  });
});

describe('R28 updateRoom', () => {
  it('checks membership, one_to_one, an empty group edit, then ownership; writes and announces only real changes; answers without members or settings', async () => {
    const { owner, a, room } = await groupOf3();
    const stranger = await chats.user();
    expectError(await stranger.api.put(`/rooms/${room.id}`, { name: 'x' }), 403, /not a member/);
    expectError(await a.api.put(`/rooms/${room.id}`, {}), 400, /name or description is required/);
    expectError(await a.api.put(`/rooms/${room.id}`, { name: 'By a' }), 403, /not an owner/);
    const direct = await createRoom(a.api, { type: 'one_to_one', membersIds: [owner.id] });
    expectError(await a.api.put(`/rooms/${direct.id}`, { name: 'x' }), 400, /one_to_one/);

    const same = await owner.api.put<RoomBody>(`/rooms/${room.id}`, { name: 'Team' });
    expect(same.status).toBe(200);
    expect(same.body.updatedAt).toBe(room.updatedAt);
    expect(same.body).not.toHaveProperty('members');
    expect(same.body).not.toHaveProperty('userSettings');

    const changed = await owner.api.put<RoomBody>(`/rooms/${room.id}`, { name: 'Team', description: 'New' });
    expect(changed.body).toMatchObject({ name: 'Team', description: 'New' });
    expect(changed.body.updatedAt > room.updatedAt).toBe(true);
    const announced = await events.next((e) => e.endpoint === 'chats:roomUpdated' && e.channel === `room:${room.id}`);
    // the unchanged edit before it announced nothing
    expect(announced.data).toMatchObject({ description: 'New', updatedAt: changed.body.updatedAt });

    const ws = await createRoom(owner.api, { type: 'workspace', name: 'W', membersIds: [a.id, stranger.id] });
    expect((await owner.api.put<RoomBody>(`/rooms/${ws.id}`, {})).body.updatedAt).toBe(ws.updatedAt);
  });
});

describe('R29 deleteRoom', () => {
  it('refuses to delete a one_to_one room (403) and answers 403 to members who are not owners', async () => {
    const { owner, a, room } = await groupOf3();
    const direct = await createRoom(owner.api, { type: 'one_to_one', membersIds: [a.id] });
    expectError(await owner.api.delete(`/rooms/${direct.id}`), 403, /one_to_one room cannot be deleted/);
    expectError(await a.api.delete(`/rooms/${room.id}`), 403, /not an owner/);
    expect((await a.api.get(`/rooms/${direct.id}`)).status).toBe(200);
    expect((await a.api.get(`/rooms/${room.id}`)).status).toBe(200);
  });
});

describe('R31 room picture upload', () => {
  it('decodes the file name before anything else and wants an image/ mimeType', async () => {
    const { owner, room } = await groupOf3();
    const stranger = await chats.user();
    const image = await pngImage(10, 10);
    const headers = (fileName: string, mimetype = 'image/png') => ({
      'content-type': 'application/octet-stream',
      filename: fileName,
      mimetype,
    });
    expectError(
      await stranger.api.put(`/rooms/${room.id}/picture`, image, headers('room.png')),
      400,
      /fileName must be written as backslash-u escapes/,
    );
    expectError(await stranger.api.put(`/rooms/${room.id}/picture`, image, headers(encodeUnicodeHeader('room.png'))), 403);
    expectError(
      await owner.api.put(`/rooms/${room.id}/picture`, image, headers(encodeUnicodeHeader('room.png'), 'application/png')),
      400,
      /mimeType must be an image/,
    );
    expect((await owner.api.put(`/rooms/${room.id}/picture`, image, headers(encodeUnicodeHeader('salle été.png')))).status).toBe(204);
    const got = await stranger.api.get(`/rooms/${room.id}/picture`);
    expect(got.status).toBe(403);
    const read = await owner.api.get<Buffer>(`/rooms/${room.id}/picture`);
    expect(read.headers.get('content-disposition')).toBe(
      `inline; filename="salle _t_.png"; filename*=UTF-8''${encodeURIComponent('salle été.png')}`,
    );
  });
});

describe('R33 room picture delete', () => {
  it('works for any room type: a room without a picture answers 404, not 400', async () => {
    const [owner, a, b] = await users(3);
    const ws = await createRoom(owner.api, { type: 'workspace', name: 'W', membersIds: [a.id, b.id] });
    expectError(await owner.api.delete(`/rooms/${ws.id}/picture`), 404, /room picture not found/);
  });
});

describe('R34 user picture upload', () => {
  it('decodes the file name and wants an image/ mimeType', async () => {
    const me = await chats.user();
    const image = await pngImage(10, 10);
    const headers = (fileName: string, mimetype = 'image/png') => ({
      'content-type': 'application/octet-stream',
      filename: fileName,
      mimetype,
    });
    expectError(
      await me.api.put(`/users/${me.id}/picture`, image, headers('me.png')),
      400,
      /fileName must be written as backslash-u escapes/,
    );
    expectError(
      await me.api.put(`/users/${me.id}/picture`, image, headers(encodeUnicodeHeader('me.png'), 'text/plain')),
      400,
      /mimeType must be an image/,
    );
    expect((await me.api.put(`/users/${me.id}/picture`, image, headers(encodeUnicodeHeader('moi 😀.png')))).status).toBe(204);
    const read = await me.api.get<Buffer>(`/users/${me.id}/picture`);
    expect(read.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('moi 😀.png')}`);
  });
});

describe('R34 user picture events', () => {
  it('reach the user and everyone sharing a room with them, nobody else', async () => {
    const { owner, a, b } = await groupOf3();
    const stranger = await chats.user();
    const headers = { 'content-type': 'application/octet-stream', filename: encodeUnicodeHeader('me.png'), mimetype: 'image/png' };
    expect((await a.api.put(`/users/${a.id}/picture`, await pngImage(8, 8), headers)).status).toBe(204);
    const changed = (e: { endpoint: string; data: unknown }) =>
      e.endpoint === 'chats:userPictureChanged' && (e.data as { userId: string }).userId === a.id;
    for (const user of [a, owner, b]) await events.next((e) => changed(e) && e.channel === `user:${user.id}`);
    expect((await a.api.delete(`/users/${a.id}/picture`)).status).toBe(204);
    for (const user of [a, owner, b]) {
      await events.next(
        (e) =>
          e.endpoint === 'chats:userPictureDeleted' && e.channel === `user:${user.id}` && (e.data as { userId: string }).userId === a.id,
      );
    }
    expect(events.received.filter((e) => e.channel === `user:${stranger.id}`)).toEqual([]);
  });
});

describe('R35 fileName and description headers', () => {
  it('are decoded from backslash-u escapes before storage and answered as plain text', async () => {
    const { a, b, room } = await groupOf3();
    const peanuts = '\\u0070\\u0065\\u0061\\u006e\\u0075\\u0074\\u0073\\u002e\\u0074\\u0078\\u0074';
    const res = await a.api.post<{ id: string }>(
      `/rooms/${room.id}/attachments`,
      Buffer.from('salted'),
      fileHeaders(peanuts, { description: encodeUnicodeHeader('crunchy ✓') }),
    );
    expect(res.status).toBe(201);
    const info = await b.api.get<{ name: string }>(`/attachments/${res.body.id}`);
    expect(info.body.name).toBe('peanuts.txt');
    const page = await b.api.get<{ attachments: Array<{ name: string }> }>(`/rooms/${room.id}/attachments`);
    expect(page.body.attachments.map((x) => x.name)).toEqual(['peanuts.txt']);
    const download = await b.api.get<Buffer>(`/attachments/${res.body.id}/download`);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="peanuts.txt"; filename*=UTF-8''peanuts.txt`);
    const added = await events.next((e) => e.endpoint === 'chats:attachmentAdded' && e.channel === `room:${room.id}`);
    expect(added.data).toMatchObject({ attachment: { id: res.body.id, name: 'peanuts.txt' } });
  });

  it('answer 400 naming the header for anything that is not escapes only, and accept the empty string', async () => {
    const { a, room } = await groupOf3();
    const post = (headers: Record<string, string>) =>
      a.api.post<{ id: string }>(`/rooms/${room.id}/attachments`, Buffer.from('x'), headers);
    for (const bad of ['peanuts.txt', '\\u0070eanuts', '\\u007', '\\ud83d', encodeURIComponent('é.txt')]) {
      expectError(await post(fileHeaders(bad)), 400, /^fileName must be written as backslash-u escapes/);
    }
    expectError(
      await post(fileHeaders(encodeUnicodeHeader('a.txt'), { description: 'plain words' })),
      400,
      /^description must be written as backslash-u escapes/,
    );
    expect((await a.api.get<{ attachments: unknown[] }>(`/rooms/${room.id}/attachments`)).body.attachments).toEqual([]);

    const empty = await post(fileHeaders(''));
    expect(empty.status).toBe(201);
    expect((await a.api.get<{ name: string }>(`/attachments/${empty.body.id}`)).body.name).toBe('');
  });
});

describe('R36, R37 mute and unmute', () => {
  it('announce only an actual change', async () => {
    const { a, room } = await groupOf3();
    const mine = (e: { endpoint: string; channel: string; data: unknown }) =>
      e.channel === `user:${a.id}` && (e.data as { roomId?: string }).roomId === room.id;
    expect((await a.api.delete(`/rooms/${room.id}/mute`)).status).toBe(204);
    expect((await a.api.put(`/rooms/${room.id}/mute`)).status).toBe(204);
    expect((await a.api.put(`/rooms/${room.id}/mute`)).status).toBe(204);
    expect((await a.api.get<RoomBody>(`/rooms/${room.id}`)).body.userSettings).toEqual({ muted: true });
    expect((await a.api.delete(`/rooms/${room.id}/mute`)).status).toBe(204);
    expect((await a.api.delete(`/rooms/${room.id}/mute`)).status).toBe(204);
    await a.api.put(`/rooms/${room.id}/clear`);
    await events.next((e) => mine(e) && e.endpoint === 'chats:roomHistoryCleared');
    expect(events.received.filter(mine).map((e) => e.endpoint)).toEqual([
      'chats:roomMuted',
      'chats:roomUnmuted',
      'chats:roomHistoryCleared',
    ]);
  });
});

describe('R40, R41 insertRoomMember', () => {
  it('looks the user up first (404 before any room check) and defaults owner to false', async () => {
    const { owner, a, room } = await groupOf3();
    const unknown = randomUUID();
    const body = { userId: unknown, historyCleared: false };
    expectError(await a.api.post(`/rooms/${room.id}/members`, body), 404, new RegExp(`user ${unknown} not found`));
    expectError(await owner.api.post(`/rooms/${randomUUID()}/members`, body), 404, /user .* not found/);
    const newcomer = await chats.user();
    const added = await owner.api.post<{ userId: string; owner: boolean }>(`/rooms/${room.id}/members`, {
      userId: newcomer.id,
      historyCleared: false,
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ userId: newcomer.id, owner: false });
    expect((await newcomer.api.get<RoomBody>(`/rooms/${room.id}`)).status).toBe(200);
  });
});

describe('R42, R43 deleteRoomMember', () => {
  it('lets the last member leave, which deletes the room', async () => {
    const { owner, a, b, room } = await groupOf3();
    expectError(await owner.api.delete(`/rooms/${room.id}/members/${owner.id}`), 400, /last owner/);
    for (const member of [a, b]) expect((await member.api.delete(`/rooms/${room.id}/members/${member.id}`)).status).toBe(204);

    expect((await owner.api.delete(`/rooms/${room.id}/members/${owner.id}`)).status).toBe(204);
    expectError(await owner.api.get(`/rooms/${room.id}`), 404, /room not found/);
    await events.next((e) => e.endpoint === 'chats:roomDeleted' && e.channel === `room:${room.id}`);
  });
});

describe('R44 updateToOwner / deleteOwner', () => {
  it('refuses oneself first (400), then non-owners (403), and a target who is not a member (403)', async () => {
    const { owner, a, room } = await groupOf3();
    const stranger = await chats.user();
    expectError(await stranger.api.put(`/rooms/${room.id}/members/${stranger.id}/owner`), 400, /cannot promote themselves/);
    expectError(await owner.api.delete(`/rooms/${room.id}/members/${owner.id}/owner`), 400, /cannot demote themselves/);
    expectError(await a.api.put(`/rooms/${room.id}/members/${stranger.id}/owner`), 403, /not an owner/);
    expectError(await owner.api.put(`/rooms/${room.id}/members/${stranger.id}/owner`), 403, /is not a member/);
    expect((await owner.api.delete(`/rooms/${room.id}/members/${a.id}/owner`)).status).toBe(204);
  });
});

describe('R46 updateChannelsRank', () => {
  it('checks the ranks themselves before the workspace', async () => {
    const [owner, a, b] = await users(3);
    const ws = await createRoom(owner.api, { type: 'workspace', name: 'W', membersIds: [a.id, b.id] });
    const ch = await createRoom(owner.api, { type: 'channel', name: 'c', parentId: ws.id });
    const stranger = await chats.user();
    const path = `/rooms/workspaces/${ws.id}/channels/rank`;
    expectError(await stranger.api.put(path, [{ roomId: ch.id, rank: 2 }]), 400, /progressive/);
    expectError(await stranger.api.put(path, [{ roomId: ch.id, rank: 1 }]), 403);
    expect((await owner.api.put(path, [{ roomId: ch.id, rank: 1 }])).status).toBe(204);
  });
});

describe('R47 attachment upload', () => {
  it('refuses workspaces and channels (400)', async () => {
    const [owner, a, b] = await users(3);
    const ws = await createRoom(owner.api, { type: 'workspace', name: 'W', membersIds: [a.id, b.id] });
    const ch = await createRoom(owner.api, { type: 'channel', name: 'c', parentId: ws.id });
    for (const room of [ws, ch]) {
      expectError(
        await a.api.post(`/rooms/${room.id}/attachments`, Buffer.from('x'), fileHeaders(encodeUnicodeHeader('a.txt'))),
        400,
        new RegExp(`cannot be attached to a ${room.type}`),
      );
    }
  });
});

describe('R49 area header', () => {
  it('must be one character or digits-x-digits, and is never answered', async () => {
    const { a, room } = await groupOf3();
    const post = (area: string) =>
      a.api.post<{ id: string }>(`/rooms/${room.id}/attachments`, Buffer.from('x'), fileHeaders(encodeUnicodeHeader('a.txt'), { area }));
    for (const bad of ['', '15X20', 'ab', '15x20px', '1x2x3']) expectError(await post(bad), 400, /area must be like 15x20/);
    // (a lone whitespace character is allowed too, but HTTP trims it away)
    for (const good of ['15x20', 'x', '100x', '7']) {
      const res = await post(good);
      expect(res.status, JSON.stringify(good)).toBe(201);
      expect((await a.api.get<Record<string, unknown>>(`/attachments/${res.body.id}`)).body).not.toHaveProperty('area');
    }
  });
});

describe('R54, R55 forwardMessages', () => {
  const stanza = (attachmentId: string) =>
    `<message xmlns="jabber:client" id="m1" type="groupchat"><x xmlns="urn:xmpp:muclight:0#configuration"><operation>attachmentAdded</operation><attachment-id>${attachmentId}</attachment-id><filename>bm90ZXM=</filename></x><body/></message>`;

  it('forwards a copy of a shared attachment into the room, owned by the forwarder, with its own bytes', async () => {
    const { owner, a, room: source } = await groupOf3();
    const [c, d] = await users(2);
    const target = await createRoom(a.api, { type: 'group', name: 'Elsewhere', membersIds: [c.id, d.id] });
    const uploaded = await owner.api.post<{ id: string }>(
      `/rooms/${source.id}/attachments`,
      Buffer.from('shared bytes'),
      fileHeaders(encodeUnicodeHeader('notes.txt')),
    );
    expect((await a.api.post(`/rooms/${target.id}/forward`, [{ originalMessage: stanza(uploaded.body.id) }])).status).toBe(204);

    const forwarded = await events.next((e) => e.endpoint === 'chats:messageForwarded' && e.channel === `room:${target.id}`);
    const copyId = (forwarded.data as { attachmentId: string }).attachmentId;
    expect(copyId).not.toBe(uploaded.body.id);
    const copy = await c.api.get<Record<string, unknown>>(`/attachments/${copyId}`);
    expect(copy.body).toMatchObject({ id: copyId, name: 'notes.txt', size: 12, mimeType: 'text/plain', userId: a.id, roomId: target.id });
    expect((await c.api.get<Buffer>(`/attachments/${copyId}/download`)).body.toString()).toBe('shared bytes');
    expect(
      (await c.api.get<{ attachments: Array<{ id: string }> }>(`/rooms/${target.id}/attachments`)).body.attachments.map((x) => x.id),
    ).toEqual([copyId]);
    // the original stays where it was
    expectError(await c.api.get(`/attachments/${uploaded.body.id}`), 403);
    expect((await owner.api.get<Buffer>(`/attachments/${uploaded.body.id}/download`)).body.toString()).toBe('shared bytes');
  });

  it('answers 404 for an unknown attachment, 403 for one the forwarder may not see, 400 for a message that is not XML, and stores nothing then', async () => {
    const { owner, room: source } = await groupOf3();
    const [c, d, e] = await users(3);
    const target = await createRoom(c.api, { type: 'group', name: 'Target', membersIds: [d.id, e.id] });
    const hidden = await owner.api.post<{ id: string }>(
      `/rooms/${source.id}/attachments`,
      Buffer.from('secret'),
      fileHeaders(encodeUnicodeHeader('s.txt')),
    );
    const ok = { originalMessage: '<message id="ok"><body>hi</body></message>' };
    expectError(
      await c.api.post(`/rooms/${target.id}/forward`, [ok, { originalMessage: stanza(randomUUID()) }]),
      404,
      /attachment .* not found/,
    );
    expectError(
      await c.api.post(`/rooms/${target.id}/forward`, [ok, { originalMessage: stanza(hidden.body.id) }]),
      403,
      /not a member of the room of attachment/,
    );
    expectError(
      await c.api.post(`/rooms/${target.id}/forward`, [ok, { originalMessage: '<message><body>unclosed</message>' }]),
      400,
      /messages\.1\.originalMessage is not well-formed XML/,
    );
    expectError(await c.api.post(`/rooms/${target.id}/forward`, [{ originalMessage: 'just text' }]), 400, /not well-formed XML/);
    expect((await d.api.get<{ attachments: unknown[] }>(`/rooms/${target.id}/attachments`)).body.attachments).toEqual([]);
    expect(events.received.filter((ev) => ev.endpoint === 'chats:messageForwarded' && ev.channel === `room:${target.id}`)).toEqual([]);
  });
});

describe('R56 meeting of a room', () => {
  it('lists its participants', async () => {
    const { a, room } = await groupOf3();
    const meeting = await a.api.get<Record<string, unknown>>(`/rooms/${room.id}/meeting`);
    expect(meeting.status).toBe(200);
    expect(meeting.body).toMatchObject({ roomId: room.id, meetingType: 'permanent', active: false, participants: [] });
  });
});

describe('R58 users', () => {
  it('never answer an empty email: a user whose token carried none has no email', async () => {
    const { id, token } = await chats.stack.user({ name: 'No Mail' });
    const res = await chats.anonymous.as(token).get<Record<string, unknown>>(`/users/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, name: 'No Mail', type: 'internal' });
  });
});

describe('R61 capabilities', () => {
  it('default canVideoCallRecord to true', async () => {
    const me = await chats.user();
    expect((await me.api.get<Record<string, unknown>>('/users/capabilities')).body).toMatchObject({ canVideoCallRecord: true });
  });
});
