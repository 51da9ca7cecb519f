import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clearFaults, injectFault } from '../../shared/events/faults.js';
import { ClientSocket } from './client-sockets.js';
import { createGroupRoom, stackHttp } from './stack-http.js';
import { startRelayTestStack, type RelayTestStack } from './helpers.js';

/**
 * Real operations whose function dies between its commit and its publish: the change's events,
 * and the revocations it causes, were committed with it, so the outbox sweeper publishes them.
 * Every socket still receives the events in order, and a socket that lost access leaves the
 * channel before any later event of it.
 */
let stack: RelayTestStack;
beforeAll(async () => {
  // committed entries nobody published are re-published after a second
  process.env.EVENT_OUTBOX_SWEEP_SECONDS = '1';
  stack = await startRelayTestStack();
});
afterEach(() => clearFaults());
afterAll(async () => {
  await stack?.stop();
});

const dies = () => injectFault('after-commit', 1, () => new Error('injected: the function died after its commit'));

const http = (method: string, path: string, token: string, body?: unknown) => stackHttp(stack, method, path, token, body);

const left = (socket: ClientSocket, channel: string) => socket.event('relay:channelLeft', (f) => f.channel === channel);

/** A later event on the channel reaches `keeper`, and nothing of the channel reaches `gone` after it left. */
async function laterEventReachesOnly(keeper: ClientSocket, gone: ClientSocket, channel: string): Promise<void> {
  const marker = randomUUID();
  await keeper.call('probe:emit', { channel, endpoint: 'resource:updated', data: { marker } });
  await keeper.event('resource:updated', (f) => f.channel === channel && f.data?.marker === marker);
  const leftAt = gone.frames.findIndex((f) => f.endpoint === 'relay:channelLeft' && f.channel === channel);
  expect(leftAt).toBeGreaterThanOrEqual(0);
  expect(gone.frames.slice(leftAt + 1).filter((f) => f.type === 'event' && f.channel === channel)).toEqual([]);
}

describe('events of real operations whose function died after the commit', () => {
  it('chats: a room update and a new member reach the members on room:{id}', async () => {
    const [a, b, c] = await Promise.all([stack.user(), stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id]);
    const sb = await ClientSocket.open(stack.wsUrl, b.token);
    await sb.call('resource:searchBelonging', { belonging: `room:${roomId}` });

    dies();
    expect((await http('PUT', `/rooms/${roomId}`, a.token, { name: 'Renamed after a crash' })).status).toBe(500);
    const updated = await sb.event('chats:roomUpdated', (f) => f.channel === `room:${roomId}`);
    expect(updated.data).toMatchObject({ roomId, name: 'Renamed after a crash' });

    dies();
    expect((await http('POST', `/rooms/${roomId}/members`, a.token, { userId: c.id, historyCleared: false })).status).toBe(500);
    const added = await sb.event('chats:roomMemberAdded', (f) => f.channel === `room:${roomId}`);
    expect(added.data).toMatchObject({ roomId, userId: c.id });
    expect(added.position).toBeGreaterThan(updated.position ?? 0);
    sb.close();
  });

  it('resources: an attribute change reaches the subscribers of resource:{id}', async () => {
    const a = await stack.user();
    const sa = await ClientSocket.open(stack.wsUrl, a.token);
    const { resource } = await sa.client.resource.create({ resource: { title: 'Before the crash' } });
    await sa.call('resource:subscribe', { resource: resource.id });

    dies();
    await expect(
      sa.call('resource:updateAttributes', { resource: resource.id, attributes: { title: 'After the crash' } }),
    ).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 500,
    });
    const update = await sa.event('resource:updated', (f) => (f.data?.resource as { title?: string })?.title === 'After the crash');
    expect(update.channel).toBe(`resource:${resource.id}`);
    sa.close();
  });
});

describe('revocations of real operations whose function died after the commit', () => {
  it('a member removed from a room still leaves room:{id}; the members who stay receive the removal', async () => {
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id]);
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    for (const s of [sa, sb]) await s.call('resource:searchBelonging', { belonging: `room:${roomId}` });

    dies();
    expect((await http('DELETE', `/rooms/${roomId}/members/${b.id}`, a.token)).status).toBe(500);
    await left(sb, `room:${roomId}`);
    const removed = await sa.event('chats:roomMemberRemoved', (f) => f.channel === `room:${roomId}`);
    expect(removed.data).toMatchObject({ roomId, userId: b.id });
    await laterEventReachesOnly(sa, sb, `room:${roomId}`);
    await expect(sb.call('resource:searchBelonging', { belonging: `room:${roomId}` })).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 404,
    });
    for (const s of [sa, sb]) s.close();
  });

  it("a resource moved to its owner's private sorting table still leaves the room members' sockets, before the move's events", async () => {
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const roomId = await createGroupRoom(stack, a.token, [b.id]);
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    const { resource } = await sa.client.resource.create({ resource: { title: 'Shared plan' }, belonging: `roomSortingTable:${roomId}` });
    for (const s of [sa, sb]) await s.call('resource:subscribe', { resource: resource.id });

    dies();
    await expect(sa.call('resource:move', { resourceId: resource.id, belonging: `userSortingTable:${a.id}` })).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 500,
    });
    await left(sb, `resource:${resource.id}`);
    const moved = await sa.event(
      'resource:updated',
      (f) => f.channel === `resource:${resource.id}` && (f.data?.belonging as string) === `userSortingTable:${a.id}`,
    );
    expect(moved.channel).toBe(`resource:${resource.id}`);
    expect(sb.events('resource:updated').filter((f) => f.data?.belonging === `userSortingTable:${a.id}`)).toEqual([]);
    await laterEventReachesOnly(sa, sb, `resource:${resource.id}`);
    for (const s of [sa, sb]) s.close();
  });
});
