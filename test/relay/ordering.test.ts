import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from '../../functions/relay/index.js';
import { storedEvents } from '../../shared/events/history.js';
import type { EventMessage, PendingEvent } from '../../shared/events/publish.js';
import { closeServers } from '../../scripts/lib/function-host.js';
import { createIssuerKeys, issuerEnv, mintToken, serveJwks, type IssuerKeys } from '../../scripts/lib/issuer.js';
import { publishSequenced, tapEvents, type EventTap } from '../helpers/events.js';
import { ClientSocket } from './client-sockets.js';
import { sleep, TestSocket } from './helpers.js';

// this file publishes made-up event payloads: the drift check of event frames does not apply
TestSocket.checkEventFrames = false;

const REORDER_WAIT_MS = 300;
let keys: IssuerKeys;
let jwks: { url: string; server: Server };
let relay: RunningRelay;
let wsUrl: string;
let tap: EventTap;
const publishEvents = (events: PendingEvent[]) => publishSequenced(tap, events);

beforeAll(async () => {
  keys = await createIssuerKeys();
  jwks = await serveJwks(keys);
  Object.assign(process.env, issuerEnv(jwks.url));
  // no endpoints, no subscription: events reach the sockets only through deliver(), in the order the test chooses
  relay = await startRelay({ port: 0, families: [], functionUrls: {}, subscribe: false, limits: { reorderWaitMs: REORDER_WAIT_MS } });
  wsUrl = `${relay.url.replace('http', 'ws')}/ws`;
  tap = await tapEvents();
});

afterAll(async () => {
  await tap?.close();
  await relay?.stop();
  await closeServers([jwks.server]);
});

describe('positions assigned at publish', () => {
  it('are unique and contiguous per channel across concurrent publishers, stored in the history and carried on the topic', async () => {
    const [a, b] = [`resource:${randomUUID()}`, `belonging:directory:${randomUUID()}`];
    const batches = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => publishEvents([{ endpoint: 'resource:updated', channel: a, data: { i } }])),
      publishEvents([
        { endpoint: 'resource:updated', channel: a, data: { i: 'pair' } },
        { endpoint: 'resource:addedToBelonging', channel: b, data: { belonging: 'directory:x', resources: [] } },
      ]),
    ]);
    const published = batches.flat();
    expect(
      published
        .filter((m) => m.channel === a)
        .map((m) => m.position)
        .sort((x, y) => x - y),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(published.filter((m) => m.channel === b).map((m) => m.position)).toEqual([1]);

    const stored = await storedEvents(a, 1, 11);
    expect(stored.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const e of stored) expect(e).toEqual(published.find((m) => m.id === e.id));

    const onTopic = await tap.next((e) => e.channel === b);
    expect(onTopic).toEqual(published.find((m) => m.channel === b));
  });

  it('refuses an event whose channel is not user:, resource:, belonging: or room:', async () => {
    await expect(publishEvents([{ endpoint: 'resource:updated', channel: 'everyone', data: {} }])).rejects.toThrow(
      /invalid channel "everyone"/,
    );
  });
});

describe('delivery order on one relay instance', () => {
  it('delivers events in position order whatever order they arrive in, fills gaps from the history and drops redeliveries', async () => {
    const user = randomUUID();
    const socket = await ClientSocket.open(wsUrl, await mintToken(keys, { user }));
    const channel = `user:${user}`;
    const m = await publishEvents([1, 2, 3, 4, 5].map((n) => ({ endpoint: 'sortingTable:resourceUpdated', channel, data: { n } })));
    const positions = () => socket.events().map((f) => f.position);

    relay.deliver(m[0]);
    relay.deliver(m[2]);
    await socket.event('sortingTable:resourceUpdated', (f) => f.position === 1);
    await sleep(100);
    expect(positions()).toEqual([1]);
    relay.deliver(m[1]);
    await socket.event('sortingTable:resourceUpdated', (f) => f.position === 3);
    expect(positions()).toEqual([1, 2, 3]);

    // 4 never arrives from the topic: after the wait it is read from the history
    relay.deliver(m[4]);
    await sleep(REORDER_WAIT_MS / 2);
    expect(positions()).toEqual([1, 2, 3]);
    await socket.event('sortingTable:resourceUpdated', (f) => f.position === 5);
    expect(socket.events().map((f) => [f.position, f.data])).toEqual([1, 2, 3, 4, 5].map((n) => [n, { n }]));

    relay.deliver(m[3]);
    relay.deliver(m[1]);
    // positions 6 and 7 were never stored: after the wait, 8 goes out alone
    const orphan: EventMessage = {
      id: randomUUID(),
      endpoint: 'sortingTable:resourceUpdated',
      channel,
      position: 8,
      data: { n: 8 },
      time: Date.now(),
    };
    relay.deliver(orphan);
    await socket.event('sortingTable:resourceUpdated', (f) => f.position === 8);
    await sleep(100);
    expect(positions()).toEqual([1, 2, 3, 4, 5, 8]);
    socket.close();
  });

  it('does not send again the events of a replay that the topic delivers afterwards', async () => {
    const user = randomUUID();
    const channel = `user:${user}`;
    const missed = await publishEvents([1, 2, 3].map((n) => ({ endpoint: 'sortingTable:resourceUpdated', channel, data: { n } })));
    const socket = await ClientSocket.open(wsUrl, await mintToken(keys, { user }));
    // the user channel, joined at authentication with nothing sent on it since, is recovered at once
    const { channels } = await socket.client.relay.recover({ channels: { [channel]: 0 } });
    expect(channels[channel]).toEqual({ status: 'recovered', position: 3, replayed: 3 });
    expect(socket.events().map((f) => [f.endpoint, f.position])).toEqual([
      ['sortingTable:resourceUpdated', 1],
      ['sortingTable:resourceUpdated', 2],
      ['sortingTable:resourceUpdated', 3],
    ]);
    for (const m of missed) relay.deliver(m);
    const [next] = await publishEvents([{ endpoint: 'sortingTable:resourceUpdated', channel, data: { n: 4 } }]);
    relay.deliver(next);
    await socket.event('sortingTable:resourceUpdated', (f) => f.position === 4);
    await sleep(100);
    expect(socket.events('sortingTable:resourceUpdated').map((f) => f.position)).toEqual([1, 2, 3, 4]);
    socket.close();
  });
});
