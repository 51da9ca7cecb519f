import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { clearFaults, injectFault } from '../../shared/events/faults.js';
import { leftRedRightBlueJpeg } from '../fixtures/media.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { seedResource, settled, storedResource, uploadAndPublish } from './support.js';

/**
 * A processing function that dies between its settlement commit and its publish: the settlement's
 * events committed with it, so the outbox sweeper publishes them, and the redelivered job finds
 * itself done and changes nothing.
 */
let stack: TestStack;
let events: EventTap;
let owner: { id: string; token: string };

beforeAll(async () => {
  // committed entries nobody published are re-published after a second
  process.env.EVENT_OUTBOX_SWEEP_SECONDS = '1';
  stack = await startTestStack({ deployables: deployables.filter((d) => ['resources', 'process-upload'].includes(d.name)) });
  events = await tapEvents();
  owner = await stack.user();
});
afterEach(() => clearFaults());
afterAll(async () => {
  await events?.close();
  await stack?.stop();
});

describe('processing whose function died after the settlement commit', () => {
  it('still announces the settled resource, once, on resource:{id} and the owner sorting table', async () => {
    let died = 0;
    injectFault('after-commit', 1, () => {
      died++;
      return new Error('injected: the processing function died after its settlement commit');
    });
    const doc = await seedResource(owner.id);
    const done = settled(events, doc.id);
    await uploadAndPublish(doc.id, await leftRedRightBlueJpeg({ width: 40, height: 20 }));

    const event = await done;
    expect(died).toBe(1);
    expect(event.data.resource).toMatchObject({ id: doc.id, status: 'ready' });
    expect((await storedResource(doc.id)).status).toBe('ready');
    const table = await events.next(
      (e) =>
        e.endpoint === 'sortingTable:resourceUpdated' &&
        (e.data as { resource: { id: string; status: string } }).resource.id === doc.id &&
        (e.data as { resource: { status: string } }).resource.status === 'ready',
    );
    expect(table.channel).toBe(`user:${owner.id}`);

    // the redelivered job and later sweeps add no second settlement
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const settlements = events.received.filter(
      (e) =>
        e.endpoint === 'resource:updated' &&
        e.channel === `resource:${doc.id}` &&
        (e.data as { resource: { status: string } }).resource.status === 'ready',
    );
    expect(settlements).toHaveLength(1);
  });
});
