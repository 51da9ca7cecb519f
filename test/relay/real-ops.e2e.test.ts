import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { families } from '../../shared/registry/catalog.js';
import { endpointTable } from '../../shared/registry/routes.js';
import { OK, sleep, startRelayTestStack, TestSocket, type RelayTestStack } from './helpers.js';

/**
 * End-to-end flows through the gateway with real operations that join channels.
 * The resource channel test runs once the resources family declares resource:subscribe,
 * resource:unsubscribe and resource:updateAttributes (until then relay.e2e.test.ts shows the same
 * flow with test-only operations).
 */
const endpoints = endpointTable(families);
const resourceOpsReady = ['resource:subscribe', 'resource:unsubscribe', 'resource:updateAttributes'].every((e) => endpoints.has(e));

let stack: RelayTestStack;
beforeAll(async () => {
  stack = await startRelayTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** A group room of the token's user with the given members (seed 003 POST /rooms); answers its id. */
async function createRoom(ownerToken: string, name: string, membersIds: string[]): Promise<string> {
  const room = await fetch(`${stack.url}/rooms`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, type: 'group', membersIds }),
  });
  expect(room.status).toBe(201);
  return ((await room.json()) as { id: string }).id;
}

describe('room channel with the real reaction operations', () => {
  it('delivers resource:reactionUpdated to sockets that joined the room by reacting, not to the others', async () => {
    const owner = await stack.user();
    const member = await stack.user();
    const another = await stack.user();
    const roomId = await createRoom(owner.token, 'Review', [member.id, another.id]);
    const [reacting, quiet] = await Promise.all([1, 2].map(() => TestSocket.authenticated(stack.wsUrl, owner.token)));
    const outsider = await TestSocket.authenticated(stack.wsUrl, member.token);
    const created = await reacting.call('resource:create', { resource: { title: 'Reactable' } });
    const resource = (created.data!.resource as { id: string }).id;

    expect((await reacting.call('resource:setReaction', { resource, room: roomId, reaction: 'like' })).error).toEqual(OK);
    const first = await reacting.event('resource:reactionUpdated', (f) => f.channel === `room:${roomId}`);
    expect(first).toMatchObject({ position: expect.any(Number), data: { room: roomId, resource, reaction: { reaction: 'like', fromUser: { id: owner.id } } } });
    await reacting.call('resource:setReaction', { resource, room: roomId, reaction: 'love' });
    await reacting.event('resource:reactionUpdated', (f) => f.position === first.position! + 1);
    await sleep(300);
    expect(quiet.events('resource:reactionUpdated')).toEqual([]);
    expect(outsider.events('resource:reactionUpdated')).toEqual([]);
    for (const socket of [reacting, quiet, outsider]) socket.close();
  });

  it('lets a member who shows the room (searchBelonging of room:{id} or roomProps:{id}) receive its reactions until unsubscribing; a stranger cannot join', async () => {
    const owner = await stack.user();
    const member = await stack.user();
    const other = await stack.user();
    const stranger = await stack.user();
    const roomId = await createRoom(owner.token, 'Gallery', [member.id, other.id]);
    const [reacting, viewer, propViewer, outsider] = await Promise.all([owner, member, other, stranger].map((u) => TestSocket.authenticated(stack.wsUrl, u.token)));
    expect((await viewer.call('resource:searchBelonging', { belonging: `room:${roomId}` })).error).toEqual(OK);
    expect((await propViewer.call('resource:searchBelonging', { belonging: `roomProps:${roomId}` })).error).toEqual(OK);
    expect((await outsider.call('resource:searchBelonging', { belonging: `room:${roomId}` })).error).toMatchObject({ status: true });

    const resource = ((await reacting.call('resource:create', { resource: { title: 'Painting' } })).data!.resource as { id: string }).id;
    await reacting.call('resource:setReaction', { resource, room: roomId, reaction: 'like' });
    const seen = await viewer.event('resource:reactionUpdated', (f) => f.channel === `room:${roomId}`);
    expect(seen.data).toMatchObject({ room: roomId, resource, reaction: { reaction: 'like', fromUser: { id: owner.id } } });
    await propViewer.event('resource:reactionUpdated', (f) => f.channel === `room:${roomId}`);

    expect((await viewer.call('resource:unsubscribeFromBelonging', { belonging: `room:${roomId}` })).error).toEqual(OK);
    await reacting.call('resource:deleteReaction', { resource, room: roomId });
    await propViewer.event('resource:reactionDeleted', (f) => f.channel === `room:${roomId}`);
    await sleep(300);
    expect(viewer.events('resource:reactionDeleted')).toEqual([]);
    expect(outsider.events('resource:reactionUpdated')).toEqual([]);
    for (const socket of [reacting, viewer, propViewer, outsider]) socket.close();
  });
});

describe.runIf(resourceOpsReady)('resource channel with the real resource operations', () => {
  it('delivers resource:updated from resource:updateAttributes to subscribed sockets only', async () => {
    const owner = await stack.user();
    const stranger = await stack.user();
    const [editor, watcher, bystander, leaver] = await Promise.all([1, 2, 3, 4].map(() => TestSocket.authenticated(stack.wsUrl, owner.token)));
    const outsider = await TestSocket.authenticated(stack.wsUrl, stranger.token);
    const created = await editor.call('resource:create', { resource: { title: 'Before' } });
    const id = (created.data!.resource as { id: string }).id;

    expect((await watcher.call('resource:subscribe', { resource: id })).error).toEqual(OK);
    expect((await leaver.call('resource:subscribe', { resource: id })).error).toEqual(OK);
    expect((await leaver.call('resource:unsubscribe', { resource: id })).error).toEqual(OK);
    const refused = await outsider.call('resource:subscribe', { resource: id });
    expect(refused.error).toMatchObject({ status: true, code: 404 });

    const updated = await editor.call('resource:updateAttributes', { resource: id, attributes: { title: 'After' } });
    expect(updated.error).toEqual(OK);
    const event = await watcher.event('resource:updated', (f) => f.channel === `resource:${id}`);
    expect(event).toMatchObject({ type: 'event', channel: `resource:${id}`, position: expect.any(Number), error: OK });
    expect((event.data!.resource as { id: string; title: string }).title).toBe('After');
    await sleep(300);
    for (const socket of [bystander, leaver, outsider]) expect(socket.events('resource:updated')).toEqual([]);
    for (const socket of [editor, watcher, bystander, leaver, outsider]) socket.close();
  });
});
