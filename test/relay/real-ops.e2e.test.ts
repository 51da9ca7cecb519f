import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, HttpClient } from '../../shared/client/index.js';
import { families } from '../../functions/catalog.js';
import { endpointTable } from '../../shared/registry/routes.js';
import { record } from '../client/support.js';
import { clientSockets } from './client-sockets.js';
import { sleep, startRelayTestStack, type RelayTestStack } from './helpers.js';

/**
 * End-to-end flows through the gateway with real operations that join channels.
 * The resource channel test runs once the resources family declares resource:subscribe,
 * resource:unsubscribe and resource:updateAttributes (until then relay.e2e.test.ts shows the same
 * flow with test-only operations).
 */
const endpoints = endpointTable(families);
const resourceOpsReady = ['resource:subscribe', 'resource:unsubscribe', 'resource:updateAttributes'].every((e) => endpoints.has(e));

let stack: RelayTestStack;
let sockets: ReturnType<typeof clientSockets>;
beforeAll(async () => {
  stack = await startRelayTestStack();
  sockets = clientSockets(stack.wsUrl);
});
afterEach(() => sockets.closeAll());
afterAll(async () => {
  await stack?.stop();
});

/** A group room of the token's user with the given members (seed 003 POST /rooms); answers its id. */
async function createRoom(ownerToken: string, name: string, membersIds: string[]): Promise<string> {
  const room = await new HttpClient({ baseUrl: stack.url, token: ownerToken }).call('insertRoom', { name, type: 'group', membersIds });
  return room.id;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: unknown) => err as ApiCallError,
  );

describe('room channel with the real reaction operations', () => {
  it('delivers resource:reactionUpdated to sockets that joined the room by reacting, not to the others', async () => {
    const owner = await stack.user();
    const member = await stack.user();
    const another = await stack.user();
    const roomId = await createRoom(owner.token, 'Review', [member.id, another.id]);
    const [reacting, quiet] = await Promise.all([1, 2].map(() => sockets.open(owner.token)));
    const outsider = await sockets.open(member.token);
    const [reactingEvents, quietEvents, outsiderEvents] = [reacting, quiet, outsider].map((s) => record(s, 'resource:reactionUpdated'));
    const { resource: created } = await reacting.call('resource:create', { resource: { title: 'Reactable' } });
    const resource = created.id;

    await reacting.call('resource:setReaction', { resource, room: roomId, reaction: 'like' });
    const first = await reactingEvents.next((e) => e.meta.channel === `room:${roomId}`);
    expect(first.meta.position).toEqual(expect.any(Number));
    expect(first.payload).toMatchObject({ room: roomId, resource, reaction: { reaction: 'like', fromUser: { id: owner.id } } });
    await reacting.call('resource:setReaction', { resource, room: roomId, reaction: 'love' });
    await reactingEvents.next((e) => e.meta.position === first.meta.position! + 1);
    await sleep(300);
    expect(quietEvents.seen).toEqual([]);
    expect(outsiderEvents.seen).toEqual([]);
  });

  it('lets a member who shows the room (searchBelonging of room:{id} or roomProps:{id}) receive its reactions until unsubscribing; a stranger cannot join', async () => {
    const owner = await stack.user();
    const member = await stack.user();
    const other = await stack.user();
    const stranger = await stack.user();
    const roomId = await createRoom(owner.token, 'Gallery', [member.id, other.id]);
    const [reacting, viewer, propViewer, outsider] = await Promise.all([owner, member, other, stranger].map((u) => sockets.open(u.token)));
    const viewerUpdates = record(viewer, 'resource:reactionUpdated', `room:${roomId}`);
    const viewerDeletes = record(viewer, 'resource:reactionDeleted');
    const propViewerUpdates = record(propViewer, 'resource:reactionUpdated', `room:${roomId}`);
    const propViewerDeletes = record(propViewer, 'resource:reactionDeleted', `room:${roomId}`);
    const outsiderUpdates = record(outsider, 'resource:reactionUpdated');
    await viewer.call('resource:searchBelonging', { belonging: `room:${roomId}` });
    await propViewer.call('resource:searchBelonging', { belonging: `roomProps:${roomId}` });
    expect(await refusal(outsider.call('resource:searchBelonging', { belonging: `room:${roomId}` }))).toBeInstanceOf(ApiCallError);

    const resource = (await reacting.call('resource:create', { resource: { title: 'Painting' } })).resource.id;
    await reacting.call('resource:setReaction', { resource, room: roomId, reaction: 'like' });
    const seen = await viewerUpdates.next();
    expect(seen.payload).toMatchObject({ room: roomId, resource, reaction: { reaction: 'like', fromUser: { id: owner.id } } });
    await propViewerUpdates.next();

    await viewer.call('resource:unsubscribeFromBelonging', { belonging: `room:${roomId}` });
    await reacting.call('resource:deleteReaction', { resource, room: roomId });
    await propViewerDeletes.next();
    await sleep(300);
    expect(viewerDeletes.seen).toEqual([]);
    expect(outsiderUpdates.seen).toEqual([]);
  });
});

describe.runIf(resourceOpsReady)('resource channel with the real resource operations', () => {
  it('delivers resource:updated from resource:updateAttributes to subscribed sockets only', async () => {
    const owner = await stack.user();
    const stranger = await stack.user();
    const [editor, watcher, bystander, leaver] = await Promise.all([1, 2, 3, 4].map(() => sockets.open(owner.token)));
    const outsider = await sockets.open(stranger.token);
    const [watcherUpdates, bystanderUpdates, leaverUpdates, outsiderUpdates] = [watcher, bystander, leaver, outsider].map((s) =>
      record(s, 'resource:updated'),
    );
    const id = (await editor.call('resource:create', { resource: { title: 'Before' } })).resource.id;

    await watcher.call('resource:subscribe', { resource: id });
    await leaver.call('resource:subscribe', { resource: id });
    await leaver.call('resource:unsubscribe', { resource: id });
    expect(await refusal(outsider.call('resource:subscribe', { resource: id }))).toMatchObject({ code: 404 });

    await editor.call('resource:updateAttributes', { resource: id, attributes: { title: 'After' } });
    const event = await watcherUpdates.next((e) => e.meta.channel === `resource:${id}`);
    expect(event.meta.position).toEqual(expect.any(Number));
    expect(event.payload.resource.title).toBe('After');
    await sleep(300);
    for (const updates of [bystanderUpdates, leaverUpdates, outsiderUpdates]) expect(updates.seen).toEqual([]);
  });
});
