import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from '../../functions/relay/index.js';
import { ApiCallError, RealtimeClient } from '../../shared/client/index.js';
import { record } from '../client/support.js';
import { ClientSocket, clientSockets } from './client-sockets.js';
import { familiesWithProbe, OK, sleep, startRelayTestStack, type Frame, type RelayTestStack } from './helpers.js';

/**
 * The relay end to end through the typed client (every frame it receives is recorded as sent and
 * checked against the AsyncAPI document). The frame-level protocol is in protocol-frames.test.ts.
 */
let stack: RelayTestStack;
let owner: { id: string; token: string };
/** the emitter of the probe events: opened first, used throughout */
let steady: ClientSocket;
let sockets: ReturnType<typeof clientSockets>;

beforeAll(async () => {
  stack = await startRelayTestStack();
  owner = await stack.user({ name: 'Owner' });
  steady = await ClientSocket.open(stack.wsUrl, owner.token);
  sockets = clientSockets(stack.wsUrl);
});
afterEach(() => sockets.closeAll());

afterAll(async () => {
  steady?.close();
  await stack?.stop();
});

const positionsOf = (frames: Frame[]) => frames.map((f) => f.position);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: unknown) => err as ApiCallError,
  );

describe('calls through the gateway', () => {
  it('answers several calls in flight on one socket in the order they finish', async () => {
    const socket = await sockets.socket(owner.token);
    const answers = await Promise.all([
      socket.call('probe:slow', { ms: 900, value: 'slowest' }),
      socket.call('probe:slow', { ms: 10, value: 'fastest' }),
      socket.call('probe:slow', { ms: 400, value: 'middle' }),
    ]);
    expect(answers).toEqual([{ value: 'slowest' }, { value: 'fastest' }, { value: 'middle' }]);
    const order = socket.frames.filter((f) => f.endpoint === 'probe:slow').map((f) => f.data?.value);
    expect(order).toEqual(['fastest', 'middle', 'slowest']);
  });

  it('rejects function errors with their code and message, and the socket stays usable', async () => {
    const client = await sockets.open(owner.token);
    const bad = await refusal(client.resource.get({ resource: 'not-a-uuid' }));
    expect(bad).toBeInstanceOf(ApiCallError);
    expect(bad).toMatchObject({ code: 400, operation: 'resource:get' });
    expect(bad!.message).toMatch(/^resource /);
    expect(await refusal(client.resource.get({ resource: randomUUID() }))).toMatchObject({ code: 404, message: 'resource not found' });
    expect((await client.resource.create({ resource: { title: 'after errors' } })).resource.title).toBe('after errors');
  });
});

describe('authentication', () => {
  it("refuses a bad or expired token at connect with the auth reply's 401 code and message, and ends closed", async () => {
    const bad = new ClientSocket(stack.wsUrl, 'not-a-jwt');
    expect(await refusal(bad.client.connect())).toMatchObject({ code: 401, operation: 'auth' });
    expect(bad.client.state).toBe('closed');
    expect(bad.frames).toEqual([
      expect.objectContaining({
        type: 'response',
        endpoint: 'auth',
        error: { status: true, code: 401, message: 'token is malformed or its signature is invalid' },
      }),
    ]);

    const expired = new ClientSocket(stack.wsUrl, (await stack.user({ ttl: -60 })).token);
    expect(await refusal(expired.client.connect())).toMatchObject({ code: 401, message: 'token expired' });
  });

  it('refreshes the token of an open socket with a new auth frame for the same user only', async () => {
    const user = await stack.user();
    const tokens = [user.token, (await stack.user({ user: user.id, ttl: 7200 })).token, (await stack.user()).token];
    const client = sockets.track(new RealtimeClient({ url: stack.wsUrl, token: () => tokens.shift()!, reconnect: false }));
    await client.connect();
    await client.refreshToken();
    const refused = await client.refreshToken().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(ApiCallError);
    expect(refused).toMatchObject({ code: 403, operation: 'auth' });
    expect((await client.call('resource:create', { resource: { title: 'still open' } })).resource.title).toBe('still open');
    expect(client.state).toBe('open');
  });
});

describe('channels and fan-out', () => {
  it('delivers an event to sockets that joined the resource channel and not to the others', async () => {
    const channel = `resource:${randomUUID()}`;
    const [watcher, bystander, leaver] = await Promise.all([1, 2, 3].map(async () => sockets.socket((await stack.user()).token)));
    expect(await watcher.call('probe:join', { channel })).toEqual({});
    await leaver.call('probe:join', { channel });
    await leaver.call('probe:leave', { channel });

    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { belonging: 'directory:x' } });
    const event = await watcher.event('resource:updated', (f) => f.channel === channel);
    expect(event).toEqual({
      type: 'event',
      endpoint: 'resource:updated',
      channel,
      position: 1,
      data: { belonging: 'directory:x', n: 0 },
      error: OK,
    });
    await sleep(300);
    expect(bystander.events('resource:updated')).toEqual([]);
    expect(leaver.events('resource:updated')).toEqual([]);
  });

  it('delivers sorting table events to every socket of their owner only', async () => {
    const alice = await stack.user();
    const bob = await stack.user();
    const [alice1, alice2, bob1] = await Promise.all([sockets.open(alice.token), sockets.open(alice.token), sockets.open(bob.token)]);
    const [added1, added2, addedBob] = [alice1, alice2, bob1].map((s) => record(s, 'sortingTable:addResources'));
    const { id } = (await alice1.call('resource:create', { resource: { title: 'for my table' } })).resource;
    for (const added of [added1, added2]) {
      const event = await added.next();
      expect(event.meta.channel).toBe(`user:${alice.id}`);
      expect(event.payload.resources.map((r) => r.id)).toEqual([id]);
    }
    await bob1.call('resource:create', { resource: { title: 'bob' } });
    await addedBob.next();
    expect(addedBob.seen).toHaveLength(1);
    expect(added1.seen).toHaveLength(1);
  });

  it('delivers through two relay instances, each with its own subscription', async () => {
    const second: RunningRelay = await startRelay({ port: 0, families: familiesWithProbe, functionUrls: stack.functionUrls });
    try {
      expect(second.subscription).toBeDefined();
      expect(second.subscription).not.toBe(stack.stack.relay!.subscription);
      const channel = `resource:${randomUUID()}`;
      const viaGateway = await sockets.socket((await stack.user()).token);
      const viaSecond = await ClientSocket.open(`${second.url.replace('http', 'ws')}/ws`, (await stack.user()).token);
      await viaGateway.call('probe:join', { channel });
      await viaSecond.call('probe:join', { channel });
      // one publisher, one batch: a channel's events reach each instance in position order, even on a fresh stream
      await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { belonging: 'b' }, count: 30 });
      for (const socket of [viaGateway, viaSecond]) {
        await socket.event('resource:updated', (f) => f.position === 30);
        expect(positionsOf(socket.events('resource:updated'))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      }
      viaSecond.close();
    } finally {
      await second.stop();
    }
  });
});

describe('recovery after a reconnect', () => {
  type Outcome = { status: string; position: number; replayed?: number; reason?: string };
  type Recover = { channels: Record<string, Outcome> };

  it('replays the events missed on a channel when it is joined again, before the joining call answers, then continues live', async () => {
    const user = await stack.user();
    const channel = `resource:${randomUUID()}`;
    const first = await sockets.socket(user.token);
    await first.call('probe:join', { channel });
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'before' }, count: 2 });
    await first.event('resource:updated', (f) => f.position === 2);
    const last = first.events('resource:updated').at(-1)!.position!;
    first.close();

    const watching = await watcher(channel);
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'while away' }, count: 3 });
    await watching.upTo(5);
    const again = await sockets.socket(user.token);
    const intent = await again.call<Recover>('relay:recover', { channels: { [channel]: last } });
    expect(intent.channels).toEqual({ [channel]: { status: 'pending', position: 2 } });
    const answered = again.frames.findIndex((f) => f.type === 'response' && f.endpoint === 'relay:recover');
    await again.call('probe:join', { channel });

    const sequence = again.frames.slice(answered + 1);
    expect(sequence.map((f) => [f.type, f.endpoint, f.position ?? null])).toEqual([
      ['event', 'resource:updated', 3],
      ['event', 'resource:updated', 4],
      ['event', 'resource:updated', 5],
      ['event', 'relay:recovered', null],
      ['response', 'probe:join', null],
    ]);
    expect(sequence.slice(0, 3).map((f) => f.data)).toEqual([0, 1, 2].map((n) => ({ step: 'while away', n })));
    expect(sequence[3]).toMatchObject({ channel, data: { status: 'recovered', position: 5, replayed: 3 }, error: OK });
    expect(sequence[4]).toMatchObject({ error: OK, joined: { [channel]: expect.any(Number) } });

    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'live' } });
    expect((await again.event('resource:updated', (f) => f.position === 6)).data).toEqual({ step: 'live', n: 0 });
    expect(positionsOf(again.events('resource:updated'))).toEqual([3, 4, 5, 6]);
  });

  it('keeps positions contiguous when live events are published while the channel is being recovered', async () => {
    const user = await stack.user();
    const channel = `resource:${randomUUID()}`;
    const watching = await watcher(channel);
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: {}, count: 4 });
    await watching.upTo(4);
    const socket = await sockets.socket(user.token);
    await socket.call('relay:recover', { channels: { [channel]: 1 } });
    const emitting = Array.from({ length: 6 }, () => steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: {} }));
    await socket.call('probe:join', { channel });
    await Promise.all(emitting);
    await socket.event('resource:updated', (f) => f.position === 10);
    expect(positionsOf(socket.events('resource:updated'))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('recovers an already joined user channel at once when nothing went out on it since', async () => {
    const user = await stack.user();
    const socket = await sockets.socket(user.token);
    await socket.client.resource.create({ resource: { title: 'one' } });
    await socket.event('sortingTable:addResources');
    socket.close();
    const other = await sockets.socket(user.token);
    await other.client.resource.create({ resource: { title: 'two' } });
    // sequenced (in the history) once its user channel carries it
    await other.event('sortingTable:addResources', (f) => f.position === 2);
    other.close();
    const back = await sockets.socket(user.token);
    const answer = await back.client.relay.recover({ channels: { [`user:${user.id}`]: 1 } });
    expect(answer.channels).toEqual({ [`user:${user.id}`]: { status: 'recovered', position: 2, replayed: 1 } });
    expect(positionsOf(back.events('sortingTable:addResources'))).toEqual([2]);
  });

  it('says recovery is impossible when the history no longer holds the gap or live events already went out', async () => {
    const user = await stack.user();
    const socket = await sockets.socket(user.token);
    const [tooMany, expired, ahead, alreadyLive] = [1, 2, 3, 4].map(() => `resource:${randomUUID()}`);
    await socket.call('probe:join', { channel: alreadyLive });
    await steady.call('probe:emit', { channel: alreadyLive, endpoint: 'resource:updated', data: {} });
    await socket.event('resource:updated', (f) => f.channel === alreadyLive);
    const unrecoverable: string[] = [];
    socket.client.onUnrecoverable((channel) => unrecoverable.push(channel));

    const [watchingTooMany, watchingExpired] = await Promise.all([watcher(tooMany), watcher(expired)]);
    process.env.EVENT_HISTORY_LIMIT = '3';
    await steady.call('probe:emit', { channel: tooMany, endpoint: 'resource:updated', data: {}, count: 5 });
    process.env.EVENT_HISTORY_SECONDS = '1';
    await steady.call('probe:emit', { channel: expired, endpoint: 'resource:updated', data: {}, count: 2 });
    await Promise.all([watchingTooMany.upTo(5), watchingExpired.upTo(2)]);
    await sleep(1100);
    try {
      const intent = await socket.call<Recover>('relay:recover', {
        channels: { [tooMany]: 0, [expired]: 0, [ahead]: 7, [alreadyLive]: 0 },
      });
      expect(intent.channels[alreadyLive]).toEqual({
        status: 'unrecoverable',
        position: 0,
        reason: expect.stringMatching(/live events arrived on this channel before the request/),
      });
      for (const channel of [tooMany, expired, ahead]) await socket.call('probe:join', { channel });
      const recovered = (channel: string) =>
        socket.next((f) => f.endpoint === 'relay:recovered' && f.channel === channel).then((f) => f.data);
      expect(await recovered(tooMany)).toEqual({
        status: 'unrecoverable',
        position: 0,
        reason: 'missed 5 events, more than the 3 kept: re-query',
      });
      expect(await recovered(expired)).toEqual({
        status: 'unrecoverable',
        position: 0,
        reason: 'missed events are older than 1 s or too large to keep: re-query',
      });
      expect(await recovered(ahead)).toEqual({
        status: 'unrecoverable',
        position: 7,
        reason: 'position 7 is ahead of the channel (0): re-query',
      });
      // the client tells the app about each pushed outcome
      expect(unrecoverable.sort()).toEqual([tooMany, expired, ahead].sort());
    } finally {
      delete process.env.EVENT_HISTORY_LIMIT;
      delete process.env.EVENT_HISTORY_SECONDS;
    }
    expect(await refusal(socket.call('relay:recover', { channels: { [tooMany]: -1 } }))).toMatchObject({ code: 400 });
  });
});

/**
 * Positions are assigned by the sequencer after the emitting call answered: a socket joined to the
 * channel beforehand tells when the events up to a position are sequenced (and in the history).
 */
async function watcher(channel: string): Promise<{ upTo(position: number): Promise<void> }> {
  const socket = await sockets.socket((await stack.user()).token);
  await socket.call('probe:join', { channel });
  return {
    upTo: async (position) => {
      await socket.event('resource:updated', (f) => f.channel === channel && f.position === position);
      socket.close();
    },
  };
}

describe('protocol documentation', () => {
  it('the AsyncAPI document describes auth, relay:recover, the recovery outcome event, the joined positions and the close codes', async () => {
    const res = await fetch(`${stack.url}/asyncapi.json`);
    const doc = (await res.json()) as {
      operations: Record<string, { action: string; description?: string }>;
      channels: { socket: { description: string; 'x-close-codes': Record<string, string> } };
    };
    expect(doc.operations.auth.action).toBe('receive');
    expect(doc.operations.relay_recover.description).toMatch(/per-channel `position`/);
    expect(doc.operations.relay_recover.description).toMatch(/`joined`/);
    expect(doc.operations['event.relay_recovered'].action).toBe('send');
    expect(Object.keys(doc.channels.socket['x-close-codes']).sort()).toEqual(['1009', '1011', '1012', '4401', '4413', '4429']);
    expect(doc.channels.socket.description).toMatch(/never in the URL/);
  });

  it('the steady socket still answers after everything above', async () => {
    expect(await steady.call('probe:slow', { ms: 0, value: 'fine' })).toEqual({ value: 'fine' });
  });
});
