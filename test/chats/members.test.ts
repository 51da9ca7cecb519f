import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

type Member = { userId: string; owner: boolean };

async function groupOf(count: number): Promise<{ owner: ChatsUser; others: ChatsUser[]; room: RoomBody }> {
  const [owner, ...others] = await Promise.all(Array.from({ length: count }, () => chats.user()));
  const room = await createRoom(owner.api, { type: 'group', name: 'Group', membersIds: others.map((u) => u.id) });
  return { owner, others, room };
}

const membersOf = async (user: ChatsUser, roomId: string) => (await user.api.get<Member[]>(`/rooms/${roomId}/members`)).body;

describe('listRoomMember', () => {
  it("lists a room's members to its members only; a channel lists its workspace's members", async () => {
    const { owner, others, room } = await groupOf(3);
    const res = await others[0].api.get<Member[]>(`/rooms/${room.id}/members`);
    expect(res.status).toBe(200);
    expectValidBody('listRoomMember', res.body);
    expect(res.body).toEqual(room.members);
    const stranger = await chats.user();
    expectError(await stranger.api.get(`/rooms/${room.id}/members`), 403);
    expectError(await owner.api.get(`/rooms/${randomUUID()}/members`), 404);
    expectError(await owner.api.get('/rooms/123/members'), 400, /roomId/);

    const ws = await createRoom(owner.api, { type: 'workspace', name: 'W', membersIds: others.map((u) => u.id) });
    const ch = await createRoom(owner.api, { type: 'channel', name: 'c', parentId: ws.id });
    expect(await membersOf(others[1], ch.id)).toEqual(ws.members);
  });
});

describe('insertRoomMember', () => {
  it('lets owners add a member, who can then read the room; historyCleared sets their clearedAt', async () => {
    const { owner, room } = await groupOf(3);
    const [plain, cleared] = [await chats.user(), await chats.user()];
    expectError(await plain.api.get(`/rooms/${room.id}`), 403);

    const added = await owner.api.post<Member>(`/rooms/${room.id}/members`, { userId: plain.id, owner: false, historyCleared: false });
    expect(added.status).toBe(201);
    expectValidBody('insertRoomMember', added.body);
    expect(added.body).toEqual({ userId: plain.id, owner: false });
    expect((await plain.api.get<RoomBody>(`/rooms/${room.id}`)).body.userSettings).toEqual({ muted: false });
    const event = await events.next((e) => e.endpoint === 'chats:roomMemberAdded' && e.channel === `room:${room.id}`);
    expect(event.data).toEqual({ roomId: room.id, userId: plain.id, owner: false });

    const before = Date.now();
    const withHistory = await owner.api.post<Member & { clearedAt: string }>(`/rooms/${room.id}/members`, {
      userId: cleared.id,
      owner: true,
      historyCleared: true,
    });
    expect(withHistory.status).toBe(201);
    expectValidBody('insertRoomMember', withHistory.body);
    expect(withHistory.body).toMatchObject({ userId: cleared.id, owner: true });
    expect(Date.parse(withHistory.body.clearedAt)).toBeGreaterThanOrEqual(before - 1000);
    const seen = await cleared.api.get<RoomBody>(`/rooms/${room.id}`);
    expect(seen.body.userSettings).toEqual({ muted: false, clearedAt: withHistory.body.clearedAt });
    expect((await membersOf(owner, room.id)).slice(-2)).toEqual([
      { userId: plain.id, owner: false },
      { userId: cleared.id, owner: true },
    ]);
  });

  it('is 403 for non-owners and 400 for one_to_one rooms, channels, existing members, full rooms and incomplete bodies', async () => {
    const { owner, others, room } = await groupOf(3);
    const newcomer = await chats.user();
    const body = { userId: newcomer.id, owner: false, historyCleared: false };
    expectError(await others[0].api.post(`/rooms/${room.id}/members`, body), 403, /not an owner/);
    expectError(await newcomer.api.post(`/rooms/${room.id}/members`, body), 403);
    expectError(await owner.api.post(`/rooms/${randomUUID()}/members`, body), 404);
    expectError(await owner.api.post(`/rooms/${room.id}/members`, { ...body, userId: others[0].id }), 400, /already a member/);
    expectError(
      await owner.api.post(`/rooms/${room.id}/members`, { userId: newcomer.id, owner: false }),
      400,
      /historyCleared is required/,
    );
    expectError(await owner.api.post(`/rooms/${room.id}/members`, { ...body, userId: 'nobody' }), 400, /userId/);

    const direct = await createRoom(owner.api, { type: 'one_to_one', membersIds: [others[0].id] });
    expectError(await owner.api.post(`/rooms/${direct.id}/members`, body), 400, /one_to_one/);
    const ws = await createRoom(owner.api, { type: 'workspace', name: 'W', membersIds: others.map((u) => u.id) });
    const ch = await createRoom(owner.api, { type: 'channel', name: 'c', parentId: ws.id });
    expectError(await owner.api.post(`/rooms/${ch.id}/members`, body), 400, /workspace/);

    await withEnv({ CHATS_MAX_GROUP_MEMBERS: '3' }, async () => {
      expectError(await owner.api.post(`/rooms/${room.id}/members`, body), 400, /at most 3 members/);
    });
    expect(await membersOf(owner, room.id)).toEqual(room.members);
  });

  it('gives a member added to a workspace access to its channels', async () => {
    const { owner, others } = await groupOf(3);
    const ws = await createRoom(owner.api, { type: 'workspace', name: 'W', membersIds: others.map((u) => u.id) });
    const ch = await createRoom(owner.api, { type: 'channel', name: 'c', parentId: ws.id });
    const newcomer = await chats.user();
    expectError(await newcomer.api.get(`/rooms/${ch.id}`), 403);
    await owner.api.post(`/rooms/${ws.id}/members`, { userId: newcomer.id, owner: false, historyCleared: false });
    expect((await newcomer.api.get(`/rooms/${ch.id}`)).status).toBe(200);
    const listed = (await newcomer.api.get<RoomBody[]>('/rooms')).body;
    expect(listed.map((r) => [r.id, r.rank, r.children?.map((c) => c.id)])).toEqual([[ws.id, 1, [ch.id]]]);
  });
});

describe('deleteRoomMember', () => {
  it('lets a member leave, and an owner remove others; both are announced', async () => {
    const { owner, others, room } = await groupOf(4);
    const [leaver, kicked, bystander] = others;
    expect((await leaver.api.delete(`/rooms/${room.id}/members/${leaver.id}`)).status).toBe(204);
    expectError(await leaver.api.get(`/rooms/${room.id}`), 403);
    const left = await events.next((e) => e.endpoint === 'chats:roomMemberRemoved' && (e.data as { userId: string }).userId === leaver.id);
    expect(left.data).toEqual({ roomId: room.id, userId: leaver.id, removedBy: leaver.id });

    expectError(await bystander.api.delete(`/rooms/${room.id}/members/${kicked.id}`), 403, /only an owner/);
    expect((await owner.api.delete(`/rooms/${room.id}/members/${kicked.id}`)).status).toBe(204);
    expect((await membersOf(owner, room.id)).map((m) => m.userId)).toEqual([owner.id, bystander.id]);
    const kick = await events.next((e) => e.endpoint === 'chats:roomMemberRemoved' && (e.data as { userId: string }).userId === kicked.id);
    expect(kick.data).toEqual({ roomId: room.id, userId: kicked.id, removedBy: owner.id });

    expect((await owner.api.delete(`/rooms/${room.id}/members/${randomUUID()}`)).status).toBe(204);
    expect((await membersOf(owner, room.id)).length).toBe(2);
  });

  it('keeps the last owner and one_to_one memberships; 403 and 404 for outsiders and unknown rooms', async () => {
    const { owner, others, room } = await groupOf(3);
    expectError(await owner.api.delete(`/rooms/${room.id}/members/${owner.id}`), 400, /last owner/);
    const direct = await createRoom(owner.api, { type: 'one_to_one', membersIds: [others[0].id] });
    expectError(await others[0].api.delete(`/rooms/${direct.id}/members/${others[0].id}`), 400, /one_to_one/);
    const stranger = await chats.user();
    expectError(await stranger.api.delete(`/rooms/${room.id}/members/${others[0].id}`), 403);
    expectError(await owner.api.delete(`/rooms/${randomUUID()}/members/${owner.id}`), 404);
    expectError(await owner.api.delete(`/rooms/${room.id}/members/not-a-uuid`), 400, /userId/);
    expect(await membersOf(owner, room.id)).toEqual(room.members);
  });
});

describe('updateToOwner / deleteOwner', () => {
  it('promotes and demotes members (owners only); a promoted member can act as owner', async () => {
    const { owner, others, room } = await groupOf(3);
    const [a, b] = others;
    const ownerPath = (user: ChatsUser) => `/rooms/${room.id}/members/${user.id}/owner`;
    expectError(await a.api.put(ownerPath(b)), 403, /not an owner/);
    expect((await owner.api.put(ownerPath(a))).status).toBe(204);
    expect(await membersOf(owner, room.id)).toContainEqual({ userId: a.id, owner: true });
    await events.next((e) => e.endpoint === 'chats:roomOwnerPromoted' && (e.data as { userId: string }).userId === a.id);
    expect((await a.api.put(`/rooms/${room.id}`, { name: 'By a' })).status).toBe(200);

    expect((await a.api.delete(ownerPath(owner))).status).toBe(204);
    expect(await membersOf(a, room.id)).toContainEqual({ userId: owner.id, owner: false });
    await events.next((e) => e.endpoint === 'chats:roomOwnerDemoted' && (e.data as { userId: string }).userId === owner.id);
    expectError(await owner.api.put(`/rooms/${room.id}`, { name: 'x' }), 403);
    expectError(await a.api.delete(ownerPath(a)), 400, /cannot demote themselves/);
  });

  it('is 403 for users who are not members and for outsiders, 400 for one_to_one rooms', async () => {
    const { owner, others, room } = await groupOf(3);
    const stranger = await chats.user();
    expectError(await owner.api.put(`/rooms/${room.id}/members/${stranger.id}/owner`), 403, /is not a member/);
    expectError(await owner.api.delete(`/rooms/${room.id}/members/${stranger.id}/owner`), 403, /is not a member/);
    expectError(await stranger.api.put(`/rooms/${room.id}/members/${others[0].id}/owner`), 403);
    expectError(await owner.api.put(`/rooms/${randomUUID()}/members/${others[0].id}/owner`), 404);
    const direct = await createRoom(owner.api, { type: 'one_to_one', membersIds: [others[0].id] });
    expectError(await owner.api.delete(`/rooms/${direct.id}/members/${others[0].id}/owner`), 400, /one_to_one/);
    expect(await membersOf(owner, direct.id)).toEqual(direct.members);
  });
});
