import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { clearFaults, injectFault } from '../../shared/events/faults.js';
import { closeServers } from '../../scripts/lib/function-host.js';
import { createIssuerKeys, issuerEnv, mintToken, serveJwks, type IssuerKeys } from '../../scripts/lib/issuer.js';
import { startStack, type RunningStack } from '../../scripts/lib/stack.js';
import { commitFamily } from './fixtures/commit-family.js';
import { ClientSocket } from './client-sockets.js';
import { familiesWithProbe, probeDeployable, TestSocket, type Frame } from './helpers.js';

/**
 * Every event whose change committed reaches the subscribed socket, or a reconnecting one, with
 * contiguous positions: under 50+ concurrent publishers, when Pub/Sub or Firestore fail while
 * publishing, when the function dies between its commit and its publish, and when the answer
 * fails its schema after the commit.
 */
// the test-only commit operations publish made-up event payloads (replies stay checked)
TestSocket.checkEventFrames = false;

const commitDeployable = { name: commitFamily.name, kind: 'http' as const, entry: 'test/relay/fixtures/commit-function.ts' };
let keys: IssuerKeys;
let jwks: Awaited<ReturnType<typeof serveJwks>>;
let stack: RunningStack;
let wsUrl: string;

beforeAll(async () => {
  // committed entries nobody published are re-published after a second
  process.env.EVENT_OUTBOX_SWEEP_SECONDS = '1';
  keys = await createIssuerKeys();
  jwks = await serveJwks(keys);
  Object.assign(process.env, issuerEnv(jwks.url));
  stack = await startStack({
    port: 0,
    deployables: [...deployables, probeDeployable, commitDeployable],
    families: [...familiesWithProbe, commitFamily],
  });
  wsUrl = `${stack.url.replace('http', 'ws')}/ws`;
});

afterEach(() => clearFaults());

afterAll(async () => {
  await stack?.stop();
  await closeServers(jwks ? [jwks.server] : []);
});

async function subscribed(channel: string): Promise<{ socket: ClientSocket; token: string }> {
  const token = await mintToken(keys, { user: randomUUID() });
  const socket = await ClientSocket.open(wsUrl, token);
  await socket.call('probe:join', { channel });
  return { socket, token };
}

const changesOn = (socket: ClientSocket, channel: string) => socket.events('resource:updated').filter((f) => f.channel === channel);

/** Waits until the socket holds `count` events of the channel. */
async function receive(socket: ClientSocket, channel: string, count: number, timeoutMs = 20_000): Promise<Frame[]> {
  await socket.next(() => changesOn(socket, channel).length >= count, timeoutMs);
  return changesOn(socket, channel);
}

/** A new socket that recovers the channel from position 0: what a client reconnecting after everything gets. */
async function recovered(token: string, channel: string): Promise<Frame[]> {
  const socket = await ClientSocket.open(wsUrl, token);
  await socket.call('relay:recover', { channels: { [channel]: 0 } });
  await socket.call('probe:join', { channel });
  const outcome = await socket.event('relay:recovered', (f) => f.channel === channel);
  socket.close();
  expect(outcome.data).toMatchObject({ status: 'recovered' });
  return changesOn(socket, channel);
}

const idsOf = (frames: Frame[]) => frames.map((f) => (f.data as { id: string }).id);
const positionsOf = (frames: Frame[]) => frames.map((f) => f.position);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('lossless publishing', () => {
  it('delivers every event of 60 concurrent publishers on one channel once, in contiguous positions, and recovers them all', async () => {
    const channel = `resource:${randomUUID()}`;
    const { socket, token } = await subscribed(channel);
    const publishers = await Promise.all(
      Array.from({ length: 60 }, async () => ClientSocket.open(wsUrl, await mintToken(keys, { user: randomUUID() }))),
    );
    // each publisher's first call creates its user profile: done before the concurrent part
    for (const p of publishers) await p.call('commit:read', { id: 'none' });
    const ids = publishers.map(() => randomUUID());
    // every call answers without an error (an error reply rejects)
    await Promise.all(publishers.map((p, i) => p.call('commit:write', { channel, id: ids[i] })));

    const frames = await receive(socket, channel, 60);
    expect(positionsOf(frames)).toEqual(oneTo(60));
    expect(new Set(idsOf(frames))).toEqual(new Set(ids));
    const again = await recovered(token, channel);
    expect(positionsOf(again)).toEqual(oneTo(60));
    expect(idsOf(again)).toEqual(idsOf(frames));
    for (const s of [socket, ...publishers]) s.close();
  });

  it('delivers the events of a change whose intake publish failed (Pub/Sub), and of a batch whose sequencing commit failed (Firestore)', async () => {
    const channel = `resource:${randomUUID()}`;
    const { socket, token } = await subscribed(channel);
    injectFault('intake-publish', 1, () => Object.assign(new Error('injected: Pub/Sub unavailable'), { code: 14 }));
    const first = randomUUID();
    await socket.call('commit:write', { channel, id: first });
    expect(idsOf(await receive(socket, channel, 1))).toEqual([first]);

    injectFault('sequencer-commit', 2, () => Object.assign(new Error('injected: Firestore unavailable'), { code: 14 }));
    const second = randomUUID();
    await socket.call('commit:write', { channel, id: second, count: 3 });
    injectFault('events-publish', 1, () => Object.assign(new Error('injected: Pub/Sub unavailable'), { code: 14 }));
    const third = randomUUID();
    await socket.call('commit:write', { channel, id: third });

    const frames = await receive(socket, channel, 5);
    expect(positionsOf(frames)).toEqual(oneTo(5));
    expect(idsOf(frames)).toEqual([first, second, second, second, third]);
    expect(frames.slice(1, 4).map((f) => (f.data as { n: number }).n)).toEqual([0, 1, 2]);
    expect(idsOf(await recovered(token, channel))).toEqual(idsOf(frames));
    socket.close();
  });

  it('delivers the events of a change whose function died between its commit and its publish', async () => {
    const channel = `resource:${randomUUID()}`;
    const { socket, token } = await subscribed(channel);
    const before = randomUUID();
    await socket.call('commit:write', { channel, id: before });
    await receive(socket, channel, 1);

    injectFault('after-commit', 1, () => new Error('injected: the function died after its commit'));
    const lost = randomUUID();
    await expect(socket.call('commit:write', { channel, id: lost, count: 2 })).rejects.toMatchObject({ name: 'ApiCallError', code: 500 });
    expect(await socket.call('commit:read', { id: lost })).toEqual({ committed: true });

    const frames = await receive(socket, channel, 3);
    expect(idsOf(frames)).toEqual([before, lost, lost]);
    expect(positionsOf(frames)).toEqual(oneTo(3));
    expect(idsOf(await recovered(token, channel))).toEqual(idsOf(frames));
    socket.close();
  });

  it('delivers the events of a change whose answer failed its schema after the commit', async () => {
    const channel = `resource:${randomUUID()}`;
    const { socket, token } = await subscribed(channel);
    const id = randomUUID();
    await expect(socket.call('commit:badAnswer', { channel, id })).rejects.toMatchObject({ name: 'ApiCallError', code: 500 });
    const frames = await receive(socket, channel, 1);
    expect(idsOf(frames)).toEqual([id]);
    expect(positionsOf(frames)).toEqual([1]);
    expect(idsOf(await recovered(token, channel))).toEqual([id]);
    socket.close();
  });
});
