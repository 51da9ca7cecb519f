import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, HttpClient, RealtimeClient, type ConnectionState } from '../../shared/client/index.js';
import { currentPosition, storedEvents } from '../../shared/events/history.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { reaches, record } from './support.js';

// the relay checks token expiry at each heartbeat; a short one makes an expired token close promptly
process.env.RELAY_HEARTBEAT_MS = '2000';
// few enough that a long outage is beyond recovery
process.env.EVENT_HISTORY_LIMIT = '4';

let stack: TestStack;
let wsUrl: string;
const clients: RealtimeClient[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  wsUrl = `${stack.url.replace('http', 'ws')}/ws`;
});

afterAll(async () => {
  for (const c of clients) c.close();
  await stack?.stop();
});

function realtime(
  token: string | (() => Promise<string>),
  extra: Partial<ConstructorParameters<typeof RealtimeClient>[0]> = {},
): RealtimeClient {
  const client = new RealtimeClient({ url: wsUrl, token, reconnect: { initialDelayMs: 50, maxDelayMs: 400 }, ...extra });
  clients.push(client);
  return client;
}

const titles = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

describe('RealtimeClient', () => {
  it('authenticates with the auth frame, answers calls by event id and rejects error replies with the seed code', async () => {
    const user = await stack.user({ name: 'Ada' });
    const client = realtime(user.token);
    expect(await client.connect()).toEqual({ userId: user.id });
    const [a, b] = await Promise.all([
      client.call('resource:create', { resource: { title: 'first' } }),
      client.call('resource:create', { resource: { title: 'second' } }),
    ]);
    expect([a.resource.title, b.resource.title]).toEqual(['first', 'second']);
    const read = await client.call('resource:get', { resource: a.resource.id });
    expect(read.resource.id).toBe(a.resource.id);

    const missing = await client.call('resource:get', { resource: randomUUID() }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiCallError);
    expect(missing).toMatchObject({ code: 404, message: 'resource not found', operation: 'resource:get' });
    const bad = (await client.call('resource:get', { resource: 'not-a-uuid' }).catch((e: unknown) => e)) as ApiCallError;
    expect(bad.code).toBe(400);
    expect(bad.message).toMatch(/^resource /);
  });

  it('refuses a bad token at connect', async () => {
    const client = realtime('not-a-token', { reconnect: false });
    await expect(client.connect()).rejects.toMatchObject({ code: 401 });
    expect(client.state).toBe('closed');
  });

  it('delivers typed events by name and channel', async () => {
    const user = await stack.user();
    const client = realtime(user.token);
    await client.connect();
    const added = record(client, 'sortingTable:addResources', `user:${user.id}`);
    const elsewhere = record(client, 'sortingTable:addResources', 'user:someone-else');
    const http = new HttpClient({ baseUrl: stack.url, token: user.token });
    const created = await http.call('resource.createMetadata', { resource: { title: 'over REST' } });
    const event = await added.next((r) => r.payload.resources.some((res) => res.id === created.id));
    expect(event.meta.channel).toBe(`user:${user.id}`);
    expect(event.meta.position).toBeGreaterThan(0);
    expect(elsewhere.seen).toEqual([]);
  });

  it('reconnects after a relay restart, joins its subscriptions again and replays the missed events in order', async () => {
    const user = await stack.user();
    const http = new HttpClient({ baseUrl: stack.url, token: user.token });
    const client = realtime(user.token);
    const unrecoverable: string[] = [];
    client.onUnrecoverable((channel, reason) => unrecoverable.push(`${channel}: ${reason}`));
    await client.connect();
    const added = record(client, 'sortingTable:addResources', `user:${user.id}`);
    const resource = (await client.call('resource:create', { resource: { title: 'watched' } })).resource;
    const subscription = await client.subscribe('resource:subscribe', { resource: resource.id });
    expect(subscription.reply).toBeDefined();
    const updates = record(client, 'resource:updated', `resource:${resource.id}`);
    await http.call('resource.createMetadata', { resource: { title: 'before' } });
    await added.next();
    await client.call('resource:updateAttributes', { resource: resource.id, attributes: { title: 'update 1' } });
    await updates.next();

    const states: ConnectionState[] = [];
    client.onStateChange((s) => states.push(s));
    await stack.stack.restartRelay(async () => {
      await reaches(client, 'reconnecting');
      for (const title of titles(2, 'while down')) await http.call('resource.createMetadata', { resource: { title } });
      await http.call('resource.uploadContent', { id: resource.id, content: new Uint8Array([1, 2, 3]) });
    });
    await reaches(client, 'open');
    await added.next((r) => r.payload.resources.some((res) => res.title === 'while down 2'));
    const onUser = added.seen.map((r) => r.meta.position!);
    expect(onUser).toEqual([...onUser].sort((x, y) => x - y));
    expect(new Set(onUser).size).toBe(onUser.length);
    expect(added.seen.map((r) => r.payload.resources[0].title)).toEqual(['watched', 'before', 'while down 1', 'while down 2']);
    // the resource channel was joined again by the replayed resource:subscribe and recovered too
    await updates.next((r) => r.payload.resource.status !== 'pending');
    expect(states).toEqual(['reconnecting', 'open']);
    expect(unrecoverable).toEqual([]);

    // live again: a call and a new event on the new relay
    await http.call('resource.createMetadata', { resource: { title: 'after' } });
    await added.next((r) => r.payload.resources[0].title === 'after');
  });

  it('recovers a channel on which nothing arrived before the reconnect from the position its join reply gave: each missed event once, in order', async () => {
    const user = await stack.user();
    const http = new HttpClient({ baseUrl: stack.url, token: user.token });
    const resource = (await http.resource.createMetadata({ resource: { title: 'quiet' } })).id;
    const channel = `resource:${resource}` as const;
    // events the channel had before the watcher joined it: never delivered to the watcher
    const earlier = realtime(user.token);
    const before = record(earlier, 'resource:updated', channel);
    await earlier.subscribe('resource:subscribe', { resource });
    for (const title of ['earlier 1', 'earlier 2']) await earlier.resource.updateAttributes({ resource, attributes: { title } });
    const joinedAfter = (await before.next((r) => r.payload.resource.title === 'earlier 2')).meta.position!;
    earlier.close();

    const client = realtime(user.token);
    const unrecoverable: string[] = [];
    client.onUnrecoverable((c, reason) => unrecoverable.push(`${c}: ${reason}`));
    const updates = record(client, 'resource:updated', channel);
    await client.subscribe('resource:subscribe', { resource });
    expect(updates.seen).toEqual([]);

    await stack.stack.restartRelay(async () => {
      await reaches(client, 'reconnecting');
      await http.resource.uploadContent({ id: resource, content: new Uint8Array([1, 2, 3]) });
    });
    await reaches(client, 'open');
    await updates.next((r) => r.payload.resource.status !== 'pending' && r.payload.resource.status !== 'processing');
    await client.resource.updateAttributes({ resource, attributes: { title: 'live' } });
    const last = await updates.next((r) => r.payload.resource.title === 'live');

    const positions = updates.seen.map((r) => r.meta.position!);
    const stored = await storedEvents(channel, joinedAfter + 1, last.meta.position!);
    expect(positions).toEqual(stored.map((e) => e.position));
    expect(positions[0]).toBe(joinedAfter + 1);
    expect(updates.seen.map((r) => r.payload)).toEqual(stored.map((e) => e.data));
    expect(unrecoverable).toEqual([]);
  });

  it('tells the app when missed events cannot be recovered', async () => {
    const user = await stack.user();
    const http = new HttpClient({ baseUrl: stack.url, token: user.token });
    const client = realtime(user.token);
    await client.connect();
    const added = record(client, 'sortingTable:addResources');
    await http.call('resource.createMetadata', { resource: { title: 'seen' } });
    await added.next();
    const lost = new Promise<{ channel: string; reason: string }>((resolve) =>
      client.onUnrecoverable((channel, reason) => resolve({ channel, reason })),
    );
    await stack.stack.restartRelay(async () => {
      await reaches(client, 'reconnecting');
      for (const title of titles(6, 'too many')) await http.call('resource.createMetadata', { resource: { title } });
    });
    const outcome = await lost;
    expect(outcome.channel).toBe(`user:${user.id}`);
    expect(outcome.reason).toMatch(/re-query/);
    await reaches(client, 'open');
    await http.call('resource.createMetadata', { resource: { title: 'live' } });
    await added.next((r) => r.payload.resources[0].title === 'live');
  });

  it('tells the app when a channel that carried nothing before the reconnect missed more than the history keeps', async () => {
    const user = await stack.user();
    const http = new HttpClient({ baseUrl: stack.url, token: user.token });
    const client = realtime(user.token);
    const added = record(client, 'sortingTable:addResources');
    await client.connect();
    const lost = new Promise<{ channel: string; reason: string }>((resolve) =>
      client.onUnrecoverable((channel, reason) => resolve({ channel, reason })),
    );
    await stack.stack.restartRelay(async () => {
      await reaches(client, 'reconnecting');
      const channel = `user:${user.id}`;
      const before = await currentPosition(channel);
      for (const title of titles(6, 'unseen')) await http.resource.createMetadata({ resource: { title } });
      // positions are given after the calls answer: the relay comes back once all six have theirs
      while ((await currentPosition(channel)) < before + 6) await new Promise((resolve) => setTimeout(resolve, 50));
    });
    // the user channel was named from the auth reply's position, though no event had arrived on it
    expect(await lost).toEqual({ channel: `user:${user.id}`, reason: 'missed 6 events, more than the 4 kept: re-query' });
    expect(added.seen).toEqual([]);
    await reaches(client, 'open');
    await http.resource.createMetadata({ resource: { title: 'live' } });
    expect((await added.next()).payload.resources[0].title).toBe('live');
  });

  it('refreshes the token before it expires without reconnecting or dropping subscriptions', async () => {
    const user = await stack.user();
    let minted = 0;
    const provider = async () => (minted++, stack.token({ user: user.id, ttl: 3 }));
    const refreshing = realtime(provider, { refreshBeforeExpiryMs: 2_000 });
    const states: ConnectionState[] = [];
    refreshing.onStateChange((s) => states.push(s));
    await refreshing.connect();
    const resource = (await refreshing.call('resource:create', { resource: { title: 'kept' } })).resource;
    await refreshing.subscribe('resource:subscribe', { resource: resource.id });
    const updates = record(refreshing, 'resource:updated', `resource:${resource.id}`);

    // the same short token without refresh: the relay closes it once it has expired
    const control = realtime(await stack.token({ user: user.id, ttl: 3 }), { reconnect: false });
    await control.connect();
    const closedControl = new Promise<number | undefined>((resolve) =>
      control.onStateChange((s, detail) => s === 'closed' && resolve(detail?.code)),
    );
    expect(await closedControl).toBe(4401);

    expect(minted).toBeGreaterThanOrEqual(2);
    expect(states).toEqual(['connecting', 'open']);
    await refreshing.call('resource:updateAttributes', { resource: resource.id, attributes: { title: 'still subscribed' } });
    const update = await updates.next();
    expect(update.payload.resource.title).toBe('still subscribed');
  });

  it('queues calls made before the socket is open and rejects them after close', async () => {
    const user = await stack.user();
    const client = realtime(user.token);
    const early = client.call('resource:create', { resource: { title: 'queued' } });
    expect((await early).resource.title).toBe('queued');
    client.close();
    await expect(client.call('resource:get', { resource: randomUUID() })).rejects.toMatchObject({ name: 'ConnectionLostError' });
  });
});
