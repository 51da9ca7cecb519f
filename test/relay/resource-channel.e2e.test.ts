import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { families } from '../../shared/registry/catalog.js';
import { endpointTable } from '../../shared/registry/routes.js';
import { OK, sleep, startRelayTestStack, TestSocket, type RelayTestStack } from './helpers.js';

/**
 * The end-to-end flow with the real resource operations: an event caused by
 * resource:updateAttributes reaches a socket subscribed to that resource and not an unsubscribed one.
 * Runs once the resources family declares resource:subscribe, resource:unsubscribe and
 * resource:updateAttributes (until then relay.e2e.test.ts shows the same flow with test-only operations).
 */
const endpoints = endpointTable(families);
const ready = ['resource:subscribe', 'resource:unsubscribe', 'resource:updateAttributes'].every((e) => endpoints.has(e));

describe.runIf(ready)('resource channel with the real resource operations', () => {
  let stack: RelayTestStack;
  beforeAll(async () => {
    stack = await startRelayTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

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
