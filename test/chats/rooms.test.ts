import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firestore } from '../../shared/gcp/clients.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { expectValidBody } from './support/operations.js';
import { createRoom, expectError, withEnv, type RoomBody } from './support/rooms.js';
import { startChatsStack, type ChatsStack, type ChatsUser } from './support/stack.js';

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

async function users(count: number): Promise<ChatsUser[]> {
  return Promise.all(Array.from({ length: count }, () => chats.user()));
}

const group = (owner: ChatsUser, others: ChatsUser[], name = 'Team') =>
  createRoom(owner.api, { type: 'group', name, description: 'The team', membersIds: others.map((u) => u.id) });
const workspace = (owner: ChatsUser, others: ChatsUser[], name = 'Workspace') =>
  createRoom(owner.api, { type: 'workspace', name, membersIds: others.map((u) => u.id) });
const channel = (owner: ChatsUser, workspaceId: string, name = 'general') =>
  createRoom(owner.api, { type: 'channel', name, parentId: workspaceId });

describe('insertRoom', () => {
  it('creates a group whose creator is its owner and whose members are the invited users', async () => {
    const [owner, a, b] = await users(3);
    const room = await group(owner, [a, b]);
    expect(room).toMatchObject({ type: 'group', name: 'Team', description: 'The team', userSettings: { muted: false } });
    expect(room.members).toEqual([
      { userId: owner.id, owner: true },
      { userId: a.id, owner: false },
      { userId: b.id, owner: false },
    ]);
    expect(room.meetingId).toEqual(expect.any(String));
    expect(room.createdAt).toBe(room.updatedAt);
    await events.next((e) => e.endpoint === 'chats:roomCreated' && e.channel === `room:${room.id}`);
  });

  it('creates one one_to_one room per pair: both owners, no name; a second one is 409 either way round', async () => {
    const [a, b] = await users(2);
    const room = await createRoom(a.api, { type: 'one_to_one', membersIds: [b.id] });
    expect(room.type).toBe('one_to_one');
    expect(room).not.toHaveProperty('name');
    expect(room).not.toHaveProperty('description');
    expect(room.members).toEqual([
      { userId: a.id, owner: true },
      { userId: b.id, owner: true },
    ]);
    expectError(await a.api.post('/rooms', { type: 'one_to_one', membersIds: [b.id] }), 409, /already exists/);
    expectError(await b.api.post('/rooms', { type: 'one_to_one', membersIds: [a.id] }), 409, /already exists/);
  });

  it('refuses member lists that break the rules with 400', async () => {
    const [owner, a, b, c] = await users(4);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ type: 'group', name: 'g', membersIds: [a.id, a.id, b.id] }, /duplicated/],
      [{ type: 'group', name: 'g', membersIds: [a.id, owner.id] }, /requester/],
      [{ type: 'group', name: 'g', membersIds: [a.id] }, /at least two/],
      [{ type: 'workspace', name: 'w', membersIds: [a.id] }, /at least two/],
      [{ type: 'one_to_one', membersIds: [a.id, b.id] }, /exactly one/],
      [{ type: 'one_to_one', membersIds: [] }, /exactly one/],
      [{ type: 'group', name: 'g', membersIds: [a.id, b.id], parentId: randomUUID() }, /parentId is only allowed for channels/],
      [{ type: 'group', membersIds: [a.id, b.id] }, /name is required/],
      [{ type: 'group', name: '', membersIds: [a.id, b.id] }, /name/],
      [{ type: 'group', name: 'g', membersIds: [a.id, 'not-a-uuid'] }, /membersIds/],
      [{ type: 'party', name: 'g', membersIds: [a.id, b.id] }, /type must be one of/],
      [{ name: 'g', membersIds: [a.id, b.id] }, /type is required/],
    ];
    for (const [body, message] of cases) expectError(await owner.api.post('/rooms', body), 400, message);
    await withEnv({ CHATS_MAX_GROUP_MEMBERS: '3' }, async () => {
      expectError(await owner.api.post('/rooms', { type: 'group', name: 'g', membersIds: [a.id, b.id, c.id] }), 400, /at most 3 members/);
      await group(owner, [a, b]);
    });
    const mine = await owner.api.get<RoomBody[]>('/rooms');
    expect(mine.body).toHaveLength(1);
  });

  it('creates temporary rooms with any members within the limit', async () => {
    const [owner, a, b] = await users(3);
    const alone = await createRoom(owner.api, { type: 'temporary', name: 'Alone' });
    expect(alone).toMatchObject({ type: 'temporary', name: 'Alone', members: [{ userId: owner.id, owner: true }] });
    const named = await createRoom(owner.api, { type: 'temporary', name: 'Call', membersIds: [a.id] });
    expect(named.members?.map((m) => m.userId)).toEqual([owner.id, a.id]);
    await withEnv({ CHATS_MAX_GROUP_MEMBERS: '2' }, async () => {
      expectError(await owner.api.post('/rooms', { type: 'temporary', name: 'Call', membersIds: [a.id, b.id] }), 400, /at most 2 members/);
    });
  });

  it('creates channels inside a workspace its creator owns; channels take no members and share the workspace members', async () => {
    const [owner, a, b, stranger] = await users(4);
    const ws = await workspace(owner, [a, b]);
    const first = await channel(owner, ws.id, 'general');
    const second = await channel(owner, ws.id, 'random');
    expect(first).toMatchObject({ type: 'channel', parentId: ws.id, rank: 1 });
    expect(second.rank).toBe(2);
    expect(first.members).toEqual(ws.members);

    expectError(await owner.api.post('/rooms', { type: 'channel', name: 'c' }), 400, /needs parentId/);
    expectError(await owner.api.post('/rooms', { type: 'channel', name: 'c', parentId: ws.id, membersIds: [a.id] }), 400, /no membersIds/);
    expectError(await a.api.post('/rooms', { type: 'channel', name: 'c', parentId: ws.id }), 403, /not an owner/);
    expectError(await stranger.api.post('/rooms', { type: 'channel', name: 'c', parentId: ws.id }), 403, /not an owner/);
    expectError(await owner.api.post('/rooms', { type: 'channel', name: 'c', parentId: randomUUID() }), 404, /workspace not found/);
    const notWorkspace = await group(owner, [a, b]);
    expectError(await owner.api.post('/rooms', { type: 'channel', name: 'c', parentId: notWorkspace.id }), 400, /workspace/);
  });
});

describe('getRoom', () => {
  it('answers members with the room, its members and their own settings; 403 to others; 404 for unknown rooms', async () => {
    const [owner, a, b, stranger] = await users(4);
    const room = await group(owner, [a, b]);
    const seen = await a.api.get<RoomBody>(`/rooms/${room.id}`);
    expect(seen.status).toBe(200);
    expectValidBody('getRoom', seen.body);
    expect(seen.body).toEqual(room);
    expectError(await stranger.api.get(`/rooms/${room.id}`), 403);
    expectError(await a.api.get(`/rooms/${randomUUID()}`), 404, /room not found/);
    expectError(await a.api.get('/rooms/not-a-uuid'), 400, /roomId/);
    expectError(await chats.anonymous.get(`/rooms/${room.id}`), 401);
  });

  it('shows a workspace with its channels in children, and a channel to the workspace members', async () => {
    const [owner, a, b, stranger] = await users(4);
    const ws = await workspace(owner, [a, b]);
    const general = await channel(owner, ws.id, 'general');
    const seen = await a.api.get<RoomBody>(`/rooms/${ws.id}`);
    expectValidBody('getRoom', seen.body);
    expect(seen.body.rank).toBe(1);
    expect(seen.body.children?.map((c) => [c.id, c.rank])).toEqual([[general.id, 1]]);
    const viaChannel = await b.api.get<RoomBody>(`/rooms/${general.id}`);
    expect(viaChannel.status).toBe(200);
    expect(viaChannel.body.members).toEqual(ws.members);
    expectError(await stranger.api.get(`/rooms/${general.id}`), 403);
  });
});

describe('listRoom', () => {
  it("lists the user's rooms, workspaces carrying their channels, with members and settings only when asked", async () => {
    const [owner, a, b] = await users(3);
    const g = await group(owner, [a, b]);
    const ws = await workspace(owner, [a, b]);
    const ch = await channel(owner, ws.id);
    await group(a, [b, await chats.user()], 'Not mine');

    const plain = await owner.api.get<RoomBody[]>('/rooms');
    expect(plain.status).toBe(200);
    expectValidBody('listRoom', plain.body);
    expect(plain.body.map((r) => r.id).sort()).toEqual([g.id, ws.id].sort());
    const listedWs = plain.body.find((r) => r.id === ws.id);
    expect(listedWs?.children?.map((c) => c.id)).toEqual([ch.id]);
    for (const room of [...plain.body, ...(listedWs?.children ?? [])]) {
      expect(room).not.toHaveProperty('members');
      expect(room).not.toHaveProperty('userSettings');
    }

    await owner.api.put(`/rooms/${g.id}/mute`);
    for (const query of ['extraFields=members&extraFields=settings', 'extraFields=members,settings']) {
      const full = await owner.api.get<RoomBody[]>(`/rooms?${query}`);
      expectValidBody('listRoom', full.body);
      const listedGroup = full.body.find((r) => r.id === g.id);
      expect(listedGroup?.members).toEqual(g.members);
      expect(listedGroup?.userSettings).toEqual({ muted: true });
      const listedWorkspace = full.body.find((r) => r.id === ws.id);
      expect(listedWorkspace?.members).toEqual(ws.members);
      expect(listedWorkspace).not.toHaveProperty('userSettings');
      const child = listedWorkspace?.children?.[0];
      expect(child).not.toHaveProperty('members');
      expect(child?.userSettings).toEqual({ muted: false });
    }
    const onlyMembers = await owner.api.get<RoomBody[]>('/rooms?extraFields=members');
    expect(onlyMembers.body.every((r) => r.members && !r.userSettings)).toBe(true);
    expect(onlyMembers.body.flatMap((r) => r.children ?? []).every((c) => !c.members && !c.userSettings)).toBe(true);
    expectError(await owner.api.get('/rooms?extraFields=everything'), 400, /extraFields/);
  });
});

describe('updateRoom', () => {
  it('lets owners rename and re-describe a room and announces it', async () => {
    const [owner, a, b] = await users(3);
    const room = await group(owner, [a, b]);
    const res = await owner.api.put<RoomBody>(`/rooms/${room.id}`, { name: 'Renamed', description: 'Now described' });
    expect(res.status).toBe(200);
    expectValidBody('updateRoom', res.body);
    expect(res.body).toMatchObject({ id: room.id, name: 'Renamed', description: 'Now described' });
    expect(res.body.updatedAt > room.updatedAt).toBe(true);
    expect((await a.api.get<RoomBody>(`/rooms/${room.id}`)).body.name).toBe('Renamed');
    const event = await events.next((e) => e.endpoint === 'chats:roomUpdated' && e.channel === `room:${room.id}`);
    expect(event.data).toMatchObject({ roomId: room.id, name: 'Renamed', description: 'Now described' });
  });

  it('is 403 for members who are not owners and for others, 404 for unknown rooms, 400 for one_to_one rooms and bad names', async () => {
    const [owner, a, b, stranger] = await users(4);
    const room = await group(owner, [a, b]);
    expectError(await a.api.put(`/rooms/${room.id}`, { name: 'x' }), 403, /not an owner/);
    expectError(await stranger.api.put(`/rooms/${room.id}`, { name: 'x' }), 403);
    expectError(await owner.api.put(`/rooms/${randomUUID()}`, { name: 'x' }), 404);
    expectError(await owner.api.put(`/rooms/${room.id}`, { name: 'x'.repeat(129) }), 400, /name/);
    const direct = await createRoom(a.api, { type: 'one_to_one', membersIds: [b.id] });
    expectError(await a.api.put(`/rooms/${direct.id}`, { name: 'x' }), 400, /one_to_one/);
    expect((await owner.api.get<RoomBody>(`/rooms/${room.id}`)).body.name).toBe('Team');
  });
});

describe('deleteRoom', () => {
  it('lets owners delete a room (403 for other members); unknown rooms answer 204', async () => {
    const [owner, a, b] = await users(3);
    const room = await group(owner, [a, b]);
    expectError(await a.api.delete(`/rooms/${room.id}`), 403);
    expect((await owner.api.delete(`/rooms/${room.id}`)).status).toBe(204);
    expectError(await owner.api.get(`/rooms/${room.id}`), 404);
    expectError(await owner.api.get(`/rooms/${room.id}/meeting`), 404);
    expect((await owner.api.delete(`/rooms/${room.id}`)).status).toBe(204);
    expect((await owner.api.delete(`/rooms/${randomUUID()}`)).status).toBe(204);
    await events.next((e) => e.endpoint === 'chats:roomDeleted' && e.channel === `room:${room.id}`);
  });

  it("lets the workspace's owners rename and delete its channels", async () => {
    const [owner, a, b] = await users(3);
    const ws = await workspace(owner, [a, b]);
    const ch = await channel(owner, ws.id);
    expectError(await a.api.put(`/rooms/${ch.id}`, { name: 'x' }), 403);
    expect((await owner.api.put<RoomBody>(`/rooms/${ch.id}`, { name: 'renamed' })).body.name).toBe('renamed');
    expectError(await a.api.delete(`/rooms/${ch.id}`), 403);
    expect((await owner.api.delete(`/rooms/${ch.id}`)).status).toBe(204);
    expect((await a.api.get<RoomBody>(`/rooms/${ws.id}`)).body.children).toEqual([]);
  });

  it('deletes a workspace with its channels', async () => {
    const [owner, a, b] = await users(3);
    const ws = await workspace(owner, [a, b]);
    const ch = await channel(owner, ws.id);
    expect((await owner.api.delete(`/rooms/${ws.id}`)).status).toBe(204);
    expectError(await owner.api.get(`/rooms/${ch.id}`), 404);
    const left = await firestore().collection('rooms').where('parentId', '==', ws.id).get();
    expect(left.size).toBe(0);
  });

  it('never deletes a one_to_one room (403, as the reference does)', async () => {
    const [a, b] = await users(2);
    const direct = await createRoom(a.api, { type: 'one_to_one', membersIds: [b.id] });
    expectError(await b.api.delete(`/rooms/${direct.id}`), 403, /one_to_one/);
    expect((await a.api.get(`/rooms/${direct.id}`)).status).toBe(200);
  });
});

describe('muteRoom / unmuteRoom', () => {
  it('mutes and unmutes a room for the requester only; a workspace cannot be muted', async () => {
    const [owner, a, b, stranger] = await users(4);
    const room = await group(owner, [a, b]);
    expect((await a.api.put(`/rooms/${room.id}/mute`)).status).toBe(204);
    expect((await a.api.get<RoomBody>(`/rooms/${room.id}`)).body.userSettings).toEqual({ muted: true });
    expect((await owner.api.get<RoomBody>(`/rooms/${room.id}`)).body.userSettings).toEqual({ muted: false });
    await events.next((e) => e.endpoint === 'chats:roomMuted' && e.channel === `user:${a.id}`);
    expect((await a.api.delete(`/rooms/${room.id}/mute`)).status).toBe(204);
    expect((await a.api.get<RoomBody>(`/rooms/${room.id}`)).body.userSettings).toEqual({ muted: false });

    const ws = await workspace(owner, [a, b]);
    const ch = await channel(owner, ws.id);
    expectError(await a.api.put(`/rooms/${ws.id}/mute`), 400, /workspace cannot be muted/);
    expectError(await a.api.delete(`/rooms/${ws.id}/mute`), 400, /workspace cannot be muted/);
    expect((await a.api.put(`/rooms/${ch.id}/mute`)).status).toBe(204);
    expect((await a.api.get<RoomBody>(`/rooms/${ch.id}`)).body.userSettings?.muted).toBe(true);

    expectError(await stranger.api.put(`/rooms/${room.id}/mute`), 403);
    expectError(await stranger.api.delete(`/rooms/${room.id}/mute`), 403);
    expectError(await a.api.put(`/rooms/${randomUUID()}/mute`), 404);
    expectError(await a.api.delete(`/rooms/${randomUUID()}/mute`), 404);
  });
});

describe('clearRoomHistory', () => {
  it("sets and returns the requester's clearedAt, kept in their settings", async () => {
    const [owner, a, b, stranger] = await users(4);
    const room = await group(owner, [a, b]);
    await a.api.put(`/rooms/${room.id}/mute`);
    const before = Date.now();
    const res = await a.api.put<{ clearedAt: string }>(`/rooms/${room.id}/clear`);
    expect(res.status).toBe(200);
    expectValidBody('clearRoomHistory', res.body);
    expect(Date.parse(res.body.clearedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect((await a.api.get<RoomBody>(`/rooms/${room.id}`)).body.userSettings).toEqual({ muted: true, clearedAt: res.body.clearedAt });
    expect((await owner.api.get<RoomBody>(`/rooms/${room.id}`)).body.userSettings).toEqual({ muted: false });
    const event = await events.next((e) => e.endpoint === 'chats:roomHistoryCleared' && e.channel === `user:${a.id}`);
    expect(event.data).toEqual({ roomId: room.id, clearedAt: res.body.clearedAt });
    expectError(await stranger.api.put(`/rooms/${room.id}/clear`), 403);
    expectError(await a.api.put(`/rooms/${randomUUID()}/clear`), 404);
  });
});

describe('updateWorkspacesRank', () => {
  it("reorders the user's workspaces; ranks must be 1..n covering exactly their workspaces", async () => {
    const [owner, a, b] = await users(3);
    const w1 = await workspace(owner, [a, b], 'one');
    const w2 = await workspace(owner, [a, b], 'two');
    const w3 = await workspace(a, [owner, b], 'three');
    const ranksOf = async (user: ChatsUser) =>
      Object.fromEntries((await user.api.get<RoomBody[]>('/rooms')).body.filter((r) => r.type === 'workspace').map((r) => [r.id, r.rank]));
    expect(await ranksOf(owner)).toEqual({ [w1.id]: 1, [w2.id]: 2, [w3.id]: 3 });

    const order = [
      { roomId: w3.id, rank: 1 },
      { roomId: w1.id, rank: 2 },
      { roomId: w2.id, rank: 3 },
    ];
    expect((await owner.api.put('/rooms/workspaces/rank', order)).status).toBe(204);
    expect(await ranksOf(owner)).toEqual({ [w3.id]: 1, [w1.id]: 2, [w2.id]: 3 });
    expect(await ranksOf(a)).toEqual({ [w1.id]: 1, [w2.id]: 2, [w3.id]: 3 });
    expect((await owner.api.get<RoomBody>(`/rooms/${w3.id}`)).body.rank).toBe(1);

    const bad: Array<[unknown, RegExp]> = [
      [order.slice(0, 2), /3 expected, 2 given/],
      [[...order, { roomId: randomUUID(), rank: 4 }], /3 expected, 4 given/],
      [[order[0], order[1], { roomId: randomUUID(), rank: 3 }], /not one of/],
      [[order[0], order[1], { roomId: w2.id, rank: 2 }], /progressive/],
      [order.map((o) => ({ ...o, rank: o.rank + 1 })), /progressive/],
      [[order[0], order[0], order[1], order[2]], /more than once/],
      [[{ roomId: w1.id }], /rank is required/],
      [{ roomId: w1.id, rank: 1 }, /JSON|ranks/],
    ];
    for (const [body, message] of bad) expectError(await owner.api.put('/rooms/workspaces/rank', body), 400, message);
    expect(await ranksOf(owner)).toEqual({ [w3.id]: 1, [w1.id]: 2, [w2.id]: 3 });
  });
});

describe('updateChannelsRank', () => {
  it("lets the workspace's owners reorder exactly its channels", async () => {
    const [owner, a, b, stranger] = await users(4);
    const ws = await workspace(owner, [a, b]);
    const c1 = await channel(owner, ws.id, 'c1');
    const c2 = await channel(owner, ws.id, 'c2');
    const c3 = await channel(owner, ws.id, 'c3');
    const path = `/rooms/workspaces/${ws.id}/channels/rank`;
    const order = [
      { roomId: c2.id, rank: 1 },
      { roomId: c3.id, rank: 2 },
      { roomId: c1.id, rank: 3 },
    ];
    expect((await owner.api.put(path, order)).status).toBe(204);
    const children = (await b.api.get<RoomBody>(`/rooms/${ws.id}`)).body.children ?? [];
    expect(children.map((c) => [c.id, c.rank])).toEqual([
      [c2.id, 1],
      [c3.id, 2],
      [c1.id, 3],
    ]);
    expect((await b.api.get<RoomBody>(`/rooms/${c1.id}`)).body.rank).toBe(3);

    expectError(await a.api.put(path, order), 403, /not an owner/);
    expectError(await stranger.api.put(path, order), 403);
    expectError(await owner.api.put(`/rooms/workspaces/${randomUUID()}/channels/rank`, order), 404);
    expectError(await owner.api.put('/rooms/workspaces/not-a-uuid/channels/rank', order), 400, /workspaceId/);
    expectError(
      await owner.api.put(
        path,
        order.slice(1).map((o) => ({ ...o, rank: o.rank - 1 })),
      ),
      400,
      /3 expected, 2 given/,
    );
    expectError(await owner.api.put(path, [...order.slice(0, 2), { roomId: c1.id, rank: 1 }]), 400, /progressive/);
    const g = await group(owner, [a, b]);
    expectError(await owner.api.put(`/rooms/workspaces/${g.id}/channels/rank`, []), 400, /not a workspace/);
  });
});

describe('getMeetingByRoomId', () => {
  it("returns the room's meeting to its members", async () => {
    const [owner, a, b, stranger] = await users(4);
    const room = await group(owner, [a, b]);
    const res = await b.api.get<{ id: string; roomId: string; active: boolean }>(`/rooms/${room.id}/meeting`);
    expect(res.status).toBe(200);
    expectValidBody('getMeetingByRoomId', res.body);
    expect(res.body).toMatchObject({ id: room.meetingId, roomId: room.id, active: false, meetingType: 'permanent' });
    expectError(await stranger.api.get(`/rooms/${room.id}/meeting`), 403);
    expectError(await b.api.get(`/rooms/${randomUUID()}/meeting`), 404);
  });
});

describe('forwardMessages', () => {
  it("stores forwarded messages in the target room's log and announces each on the room channel", async () => {
    const [owner, a, b, stranger] = await users(4);
    const room = await group(owner, [a, b]);
    const messages = [
      {
        originalMessage: '<message id="m1"><body>hello</body></message>',
        originalMessageSentAt: '2024-03-01T10:00:00Z',
        description: 'fyi',
      },
      { originalMessage: '<message id="m2"><body>world</body></message>' },
    ];
    expect((await a.api.post(`/rooms/${room.id}/forward`, messages)).status).toBe(204);

    const log = await firestore().collection('rooms').doc(room.id).collection('messages').orderBy('createdAt').get();
    expect(log.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({ kind: 'forwarded', senderId: a.id, ...messages[0] }),
      expect.objectContaining({ kind: 'forwarded', senderId: a.id, ...messages[1] }),
    ]);
    const announced = (text: string) =>
      events.next(
        (e) =>
          e.endpoint === 'chats:messageForwarded' &&
          e.channel === `room:${room.id}` &&
          (e.data as { originalMessage: string }).originalMessage === text,
      );
    const [first, second] = await Promise.all(messages.map((m) => announced(m.originalMessage)));
    expect(first.data).toEqual({
      ...messages[0],
      roomId: room.id,
      senderId: a.id,
      messageId: log.docs[0].id,
      createdAt: expect.any(String),
    });
    expect(second.data).toEqual({
      ...messages[1],
      roomId: room.id,
      senderId: a.id,
      messageId: log.docs[1].id,
      createdAt: expect.any(String),
    });

    expectError(await stranger.api.post(`/rooms/${room.id}/forward`, messages), 403);
    expectError(await a.api.post(`/rooms/${randomUUID()}/forward`, messages), 404);
    expectError(await a.api.post(`/rooms/${room.id}/forward`, []), 400, /messages/);
    expectError(await a.api.post(`/rooms/${room.id}/forward`, [{ description: 'no message' }]), 400, /originalMessage is required/);
    expect((await firestore().collection('rooms').doc(room.id).collection('messages').get()).size).toBe(2);
  });
});
