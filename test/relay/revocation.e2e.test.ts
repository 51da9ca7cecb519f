import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from '../../functions/relay/index.js';
import { ApiCallError } from '../../shared/client/index.js';
import { ClientSocket } from './client-sockets.js';
import { createGroupRoom, stackHttp } from './stack-http.js';
import { familiesWithProbe, startRelayTestStack, type RelayTestStack } from './helpers.js';

/**
 * Access-safe channels: when a user's access to what a channel carries ends, every socket of that
 * user leaves the channel (told by relay:channelLeft) before any later event of it, and cannot join
 * it again. Each case checks the later event on a socket that keeps access.
 */
let stack: RelayTestStack;
const extraRelays: RunningRelay[] = [];
beforeAll(async () => {
  stack = await startRelayTestStack();
});
afterAll(async () => {
  await Promise.all(extraRelays.map((r) => r.stop()));
  await stack?.stop();
});

const SCOPES = 'workspace_ressources manage_ressources';

const http = (method: string, path: string, token: string, body?: unknown) => stackHttp(stack, method, path, token, body);

async function create(socket: ClientSocket, title: string, belonging?: string): Promise<string> {
  const answer = await socket.client.resource.create({ resource: { title }, ...(belonging ? { belonging } : {}) });
  return answer.resource.id;
}

const left = (socket: ClientSocket, channel: string) => socket.event('relay:channelLeft', (f) => f.channel === channel);

/** A later event on the channel, published through a real function; `keeper` still on the channel receives it, `gone` does not. */
async function laterEventReachesOnly(publisher: ClientSocket, keeper: ClientSocket, gone: ClientSocket, channel: string): Promise<void> {
  const marker = randomUUID();
  await publisher.call('probe:emit', { channel, endpoint: 'resource:updated', data: { marker } });
  await keeper.event('resource:updated', (f) => f.channel === channel && f.data?.marker === marker);
  // the relay delivers a channel's events in order on one stream: a further event to a socket on the user channel shows nothing is left in flight
  const flush = randomUUID();
  await publisher.call('probe:emit', { channel, endpoint: 'resource:updated', data: { marker: flush } });
  await keeper.event('resource:updated', (f) => f.data?.marker === flush);
  const leftAt = gone.frames.findIndex((f) => f.endpoint === 'relay:channelLeft' && f.channel === channel);
  expect(leftAt).toBeGreaterThanOrEqual(0);
  expect(gone.frames.slice(leftAt + 1).filter((f) => f.type === 'event' && f.channel === channel)).toEqual([]);
}

describe('room channels', () => {
  it('a member removed from a room leaves room:{id}; the members who stay keep receiving it; rejoining is refused', async () => {
    const [a, b, c] = await Promise.all([stack.user(), stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id, c.id]);
    const [sa, sb, sc] = await Promise.all([a, b, c].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    for (const s of [sa, sb, sc]) await s.call('resource:searchBelonging', { belonging: `room:${roomId}` });

    expect((await http('DELETE', `/rooms/${roomId}/members/${b.id}`, a.token)).status).toBe(204);
    const frame = await left(sb, `room:${roomId}`);
    expect(frame.data).toEqual({ channel: `room:${roomId}`, reason: 'access' });

    const resource = await create(sa, 'Reactable');
    await sa.call('resource:setReaction', { resource, room: roomId, reaction: 'like' });
    await sc.event('resource:reactionUpdated', (f) => f.channel === `room:${roomId}`);
    await laterEventReachesOnly(sa, sa, sb, `room:${roomId}`);
    expect(sb.events('resource:reactionUpdated')).toEqual([]);
    expect(sa.events('relay:channelLeft')).toEqual([]);
    expect(sc.events('relay:channelLeft')).toEqual([]);

    await expect(sb.call('resource:searchBelonging', { belonging: `room:${roomId}` })).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 404,
    });
    await expect(sb.call('resource:setReaction', { resource, room: roomId, reaction: 'like' })).rejects.toBeInstanceOf(ApiCallError);
    await laterEventReachesOnly(sa, sa, sb, `room:${roomId}`);
    for (const s of [sa, sb, sc]) s.close();
  });

  it('a member leaving a room leaves room:{id} on every socket of theirs', async () => {
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id]);
    const sa = await ClientSocket.open(stack.wsUrl, a.token);
    const [sb1, sb2] = await Promise.all([1, 2].map(() => ClientSocket.open(stack.wsUrl, b.token)));
    for (const s of [sa, sb1, sb2]) await s.call('resource:searchBelonging', { belonging: `roomProps:${roomId}` });

    expect((await http('DELETE', `/rooms/${roomId}/members/${b.id}`, b.token)).status).toBe(204);
    await Promise.all([left(sb1, `room:${roomId}`), left(sb2, `room:${roomId}`)]);
    await laterEventReachesOnly(sa, sa, sb1, `room:${roomId}`);
    expect(sb2.frames.filter((f) => f.endpoint === 'resource:updated')).toEqual([]);
    await expect(sb2.call('resource:searchBelonging', { belonging: `roomProps:${roomId}` })).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 404,
    });
    for (const s of [sa, sb1, sb2]) s.close();
  });

  it('deleting a room removes every socket from room:{id} after the roomDeleted event', async () => {
    const [a, b, observer] = await Promise.all([stack.user(), stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id]);
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    for (const s of [sa, sb]) await s.call('resource:searchBelonging', { belonging: `room:${roomId}` });
    // a test-only join without an access check: it stands for a socket that is never revoked
    const watcher = await ClientSocket.open(stack.wsUrl, observer.token);
    await watcher.call('probe:join', { channel: `room:${roomId}` });

    expect((await http('DELETE', `/rooms/${roomId}`, a.token)).status).toBe(204);
    await Promise.all([left(sa, `room:${roomId}`), left(sb, `room:${roomId}`)]);
    const order = sb.frames.filter((f) => f.channel === `room:${roomId}`).map((f) => f.endpoint);
    // (the room's creation may be sequenced after the socket joined: only what follows the deletion matters)
    expect(order.slice(order.indexOf('chats:roomDeleted'))).toEqual(['chats:roomDeleted', 'relay:channelLeft']);
    await laterEventReachesOnly(watcher, watcher, sb, `room:${roomId}`);
    expect(sa.frames.filter((f) => f.endpoint === 'resource:updated')).toEqual([]);
    await expect(sb.call('resource:searchBelonging', { belonging: `room:${roomId}` })).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 404,
    });
    for (const s of [sa, sb, watcher]) s.close();
  });
});

describe('workspace channels', () => {
  it('a user removed from a workspace leaves the room channels of its channels, which follow the workspace membership', async () => {
    const [a, b, c] = await Promise.all([stack.user(), stack.user(), stack.user()]);
    const workspace = await http('POST', '/rooms', a.token, { name: 'Studio', type: 'workspace', membersIds: [b.id, c.id] });
    expect(workspace.status).toBe(201);
    const channel = await http('POST', '/rooms', a.token, { name: 'general', type: 'channel', parentId: workspace.body.id });
    expect(channel.status).toBe(201);
    const roomChannel = `room:${channel.body.id as string}`;
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    for (const s of [sa, sb]) await s.call('resource:searchBelonging', { belonging: `roomProps:${channel.body.id as string}` });

    expect((await http('DELETE', `/rooms/${workspace.body.id as string}/members/${b.id}`, a.token)).status).toBe(204);
    await left(sb, roomChannel);
    await laterEventReachesOnly(sa, sa, sb, roomChannel);
    await expect(sb.call('resource:searchBelonging', { belonging: `roomProps:${channel.body.id as string}` })).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 404,
    });
    for (const s of [sa, sb]) s.close();
  });
});

describe('resource and directory channels', () => {
  it("a resource moved from a room to the owner's private sorting table leaves its room members' sockets, before the move's own events", async () => {
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id]);
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    const id = await create(sa, 'Shared plan', `roomSortingTable:${roomId}`);
    for (const s of [sa, sb]) await s.call('resource:subscribe', { resource: id });

    await sa.call('resource:move', { resourceId: id, belonging: `userSortingTable:${a.id}` });
    await left(sb, `resource:${id}`);
    await sa.call('resource:updateAttributes', { resource: id, attributes: { title: 'Secret plan' } });
    const update = await sa.event('resource:updated', (f) => (f.data?.resource as { title?: string })?.title === 'Secret plan');
    expect(update.channel).toBe(`resource:${id}`);
    await laterEventReachesOnly(sa, sa, sb, `resource:${id}`);
    expect(sb.events('resource:updated')).toEqual([]);
    await expect(sb.call('resource:subscribe', { resource: id })).rejects.toMatchObject({ name: 'ApiCallError', code: 404 });
    for (const s of [sa, sb]) s.close();
  });

  it('a deleted resource leaves the sockets of users who saw it only in the room; its owner keeps the channel', async () => {
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id]);
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    const id = await create(sa, 'Draft', `roomSortingTable:${roomId}`);
    for (const s of [sa, sb]) await s.call('resource:subscribe', { resource: id });

    await sa.call('resource:delete', { resourceId: id });
    await left(sb, `resource:${id}`);
    await laterEventReachesOnly(sa, sa, sb, `resource:${id}`);
    expect(sa.events('relay:channelLeft')).toEqual([]);
    await expect(sb.call('resource:subscribe', { resource: id })).rejects.toMatchObject({ name: 'ApiCallError', code: 404 });
    for (const s of [sa, sb]) s.close();
  });

  it('a directory moved out of a room leaves belonging:directory:{id} and the channels of what is inside it', async () => {
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id]);
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    const dir = (await sa.client.resource.createDirectory({ title: 'Folder', belonging: `roomSortingTable:${roomId}` })).resource.id;
    const inner = await create(sa, 'Inner', `directory:${dir}`);
    for (const s of [sa, sb]) {
      await s.call('resource:searchBelonging', { belonging: `directory:${dir}` });
      await s.call('resource:subscribe', { resource: inner });
    }

    await sa.call('resource:move', { resourceId: dir, belonging: `userSortingTable:${a.id}` });
    await Promise.all([left(sb, `belonging:directory:${dir}`), left(sb, `resource:${inner}`)]);
    await laterEventReachesOnly(sa, sa, sb, `resource:${inner}`);
    await laterEventReachesOnly(sa, sa, sb, `belonging:directory:${dir}`);
    await expect(sb.call('resource:searchBelonging', { belonging: `directory:${dir}` })).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 404,
    });
    for (const s of [sa, sb]) s.close();
  });
});

describe('seed 004 privacy and shares', () => {
  it('a share withdrawn by PUT /ressource leaves the sockets of the users who lost it, not of those still allowed', async () => {
    const [a, b, c] = await Promise.all([stack.user({ scope: SCOPES }), stack.user({ scope: SCOPES }), stack.user({ scope: SCOPES })]);
    const [sa, sb, sc] = await Promise.all([a, b, c].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    const id = await create(sa, 'Private notes');
    expect(
      (await http('PUT', `/ressource/${id}`, a.token, { privacy: { value: 'CUSTOM', perms: 'READ', allow: [b.id, c.id], deny: [] } }))
        .status,
    ).toBe(200);
    for (const s of [sa, sb, sc]) await s.call('resource:subscribe', { resource: id });

    expect(
      (await http('PUT', `/ressource/${id}`, a.token, { privacy: { value: 'CUSTOM', perms: 'READ', allow: [c.id], deny: [] } })).status,
    ).toBe(200);
    await left(sb, `resource:${id}`);
    await laterEventReachesOnly(sa, sc, sb, `resource:${id}`);
    expect(sc.events('relay:channelLeft')).toEqual([]);
    await expect(sb.call('resource:subscribe', { resource: id })).rejects.toMatchObject({ name: 'ApiCallError', code: 404 });
    for (const s of [sa, sb, sc]) s.close();
  });

  it("removing a user from the group a resource is shared with leaves that resource's channel", async () => {
    const [a, b] = await Promise.all([stack.user({ scope: SCOPES }), stack.user({ scope: SCOPES })]);
    const groupId = await createGroupRoom(stack, a.token, [b.id]);
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    const id = await create(sa, 'For the group');
    expect(
      (await http('PUT', `/ressource/${id}`, a.token, { privacy: { value: 'CUSTOM', perms: 'READ', allow: [groupId], deny: [] } })).status,
    ).toBe(200);
    for (const s of [sa, sb]) await s.call('resource:subscribe', { resource: id });

    expect((await http('DELETE', `/rooms/${groupId}/members/${b.id}`, a.token)).status).toBe(204);
    await left(sb, `resource:${id}`);
    await laterEventReachesOnly(sa, sa, sb, `resource:${id}`);
    await expect(sb.call('resource:subscribe', { resource: id })).rejects.toMatchObject({ name: 'ApiCallError', code: 404 });
    for (const s of [sa, sb]) s.close();
  });
});

describe('on every relay instance', () => {
  it('removes the socket of a user on another relay instance', async () => {
    const second = await startRelay({ port: 0, families: familiesWithProbe, functionUrls: stack.functionUrls });
    extraRelays.push(second);
    const otherWs = `${second.url.replace('http', 'ws')}/ws`;
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id]);
    const sa = await ClientSocket.open(stack.wsUrl, a.token);
    const [sbHere, sbThere] = await Promise.all([ClientSocket.open(stack.wsUrl, b.token), ClientSocket.open(otherWs, b.token)]);
    const aThere = await ClientSocket.open(otherWs, a.token);
    for (const s of [sa, sbHere, sbThere, aThere]) await s.call('resource:searchBelonging', { belonging: `room:${roomId}` });

    expect((await http('DELETE', `/rooms/${roomId}/members/${b.id}`, a.token)).status).toBe(204);
    await Promise.all([left(sbHere, `room:${roomId}`), left(sbThere, `room:${roomId}`)]);
    await laterEventReachesOnly(sa, aThere, sbThere, `room:${roomId}`);
    expect(sbHere.frames.filter((f) => f.endpoint === 'resource:updated')).toEqual([]);
    for (const s of [sa, sbHere, sbThere, aThere]) s.close();
  });
});
