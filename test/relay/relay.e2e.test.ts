import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from '../../functions/relay/index.js';
import { ApiCallError, RealtimeClient } from '../../shared/client/index.js';
import { record } from '../client/support.js';
import { clientSockets } from './client-sockets.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { resourceSchema } from '../../shared/resources/schema.js';
import { familiesWithProbe, OK, sleep, startRelayTestStack, TestSocket, type Frame, type RelayTestStack } from './helpers.js';

process.env.RELAY_AUTH_TIMEOUT_MS = '1000';

let stack: RelayTestStack;
let owner: { id: string; token: string };
/** opened first, used again at the end: bad sockets around it must not disturb it */
let steady: TestSocket;

/** typed client sockets of the tests that go through the client rather than raw frames */
let sockets: ReturnType<typeof clientSockets>;

beforeAll(async () => {
  stack = await startRelayTestStack();
  owner = await stack.user({ name: 'Owner' });
  steady = await TestSocket.authenticated(stack.wsUrl, owner.token);
  sockets = clientSockets(stack.wsUrl);
});
afterEach(() => sockets.closeAll());

afterAll(async () => {
  steady?.close();
  await stack?.stop();
});

const positionsOf = (frames: Frame[]) => frames.map((f) => f.position);

describe('calls through the gateway', () => {
  it('answers a call with the seed envelope, type response and the same event id', async () => {
    const created = await steady.call('resource:create', { resource: { title: 'Made over the socket' } }, 'c-17');
    expect(created).toMatchObject({ type: 'response', endpoint: 'resource:create', event: { id: 'c-17', date: expect.any(Number) }, error: OK });
    const resource = created.data!.resource as { id: string; belonging: string };
    expect(responseProblems(resourceSchema, resource)).toEqual([]);
    expect(resource.belonging).toBe(`userSortingTable:${owner.id}`);

    const read = await steady.call('resource:get', { resource: resource.id }, 42);
    expect(read).toMatchObject({ type: 'response', endpoint: 'resource:get', event: { id: 42 }, error: OK, data: { resource } });
  });

  it('passes the function errors through and keeps the socket', async () => {
    const bad = await steady.call('resource:get', { resource: 'not-a-uuid' });
    expect(bad.error).toMatchObject({ status: true, code: 400 });
    expect(bad.error.message).toMatch(/^resource /);
    const missing = await steady.call('resource:get', { resource: randomUUID() });
    expect(missing.error).toEqual({ status: true, code: 404, message: 'resource not found' });
    expect(missing.data).toBeNull();
  });

  it('answers several calls in flight on one socket in the order they finish', async () => {
    const socket = await TestSocket.authenticated(stack.wsUrl, owner.token);
    const answers = await Promise.all([
      socket.call('probe:slow', { ms: 900, value: 'slowest' }, 'a'),
      socket.call('probe:slow', { ms: 10, value: 'fastest' }, 'b'),
      socket.call('probe:slow', { ms: 400, value: 'middle' }, 'c'),
    ]);
    expect(answers.map((a) => [a.event?.id, a.data?.value])).toEqual([
      ['a', 'slowest'],
      ['b', 'fastest'],
      ['c', 'middle'],
    ]);
    const order = socket.frames.filter((f) => f.endpoint === 'probe:slow').map((f) => f.event?.id);
    expect(order).toEqual(['b', 'c', 'a']);
    socket.close();
  });

  it('answers malformed frames and unknown endpoints with errors, and the socket stays open', async () => {
    const socket = await TestSocket.authenticated(stack.wsUrl, owner.token);
    const errorOf = async (send: () => void) => {
      const before = socket.frames.length;
      send();
      await socket.next((f) => socket.frames.indexOf(f) >= before && f.type === 'response');
      return socket.frames[before];
    };
    expect((await errorOf(() => socket.sendRaw('{not json'))).error).toEqual({ status: true, code: 400, message: 'frame is not valid JSON' });
    expect((await errorOf(() => socket.sendRaw(Buffer.from('{}'), true))).error.message).toMatch(/JSON text, not binary/);
    expect((await errorOf(() => socket.sendRaw('[1,2]'))).error).toMatchObject({ code: 400, message: 'request must be object' });
    expect((await errorOf(() => socket.sendRaw(JSON.stringify({ data: {}, event: { id: 'x' } })))).error.message).toBe('endpoint is required');
    // seed 000 writes requests without an event member: the call is run, its reply has event.id null
    const noEvent = await errorOf(() => socket.sendRaw(JSON.stringify({ endpoint: 'probe:slow', data: { ms: 0, value: 'no event member' } })));
    expect(noEvent).toMatchObject({ type: 'response', endpoint: 'probe:slow', event: { id: null }, data: { value: 'no event member' }, error: { status: false } });
    const noEventNoData = await errorOf(() => socket.sendRaw(JSON.stringify({ endpoint: 'resource:get' })));
    expect(noEventNoData).toMatchObject({ endpoint: 'resource:get', event: { id: null }, error: { code: 400, message: expect.stringMatching(/resource/) } });
    const badData = await errorOf(() => socket.sendRaw(JSON.stringify({ endpoint: 'resource:get', data: [1], event: { id: 'd' } })));
    expect(badData).toMatchObject({ endpoint: 'resource:get', event: { id: 'd' }, error: { code: 400, message: 'data must be object' } });

    const unknown = await socket.call('resource:doesNotExist', {}, 'u');
    expect(unknown).toMatchObject({ type: 'response', endpoint: 'resource:doesNotExist', event: { id: 'u' }, data: null, error: { status: true, code: 404, message: 'unknown endpoint resource:doesNotExist' } });

    const good = await socket.call('probe:slow', { ms: 0, value: 'still here' });
    expect(good).toMatchObject({ error: OK, data: { value: 'still here' } });
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.close();
  });
});

describe('authentication', () => {
  it('accepts an auth frame as the first frame, joins the user channel, then answers calls', async () => {
    const user = await stack.user();
    const socket = await TestSocket.open(stack.wsUrl);
    socket.sendRaw(JSON.stringify({ endpoint: 'auth', data: { token: user.token } }));
    const auth = await socket.next((f) => f.endpoint === 'auth');
    expect(auth).toMatchObject({ type: 'response', data: { userId: user.id }, error: OK });
    const created = await socket.call('resource:create', { resource: { title: 'after auth frame' } });
    expect(created.error).toEqual(OK);
    const event = await socket.event('sortingTable:addResources');
    expect(event.channel).toBe(`user:${user.id}`);
    socket.close();
  });

  it('closes with 4401 and a reason for a bad, expired or missing token, and never reads one from the URL', async () => {
    const bad = await TestSocket.open(stack.wsUrl, 'not-a-jwt');
    expect(await bad.closed).toEqual({ code: 4401, reason: 'token is malformed or its signature is invalid' });

    const expired = await TestSocket.open(stack.wsUrl, (await stack.user({ ttl: -60 })).token);
    expect(await expired.closed).toEqual({ code: 4401, reason: 'token expired' });

    const badFrame = await TestSocket.open(stack.wsUrl);
    badFrame.sendRaw(JSON.stringify({ endpoint: 'auth', data: { token: 'forged' }, event: { id: 'a1' } }));
    expect(await badFrame.closed).toEqual({ code: 4401, reason: 'token is malformed or its signature is invalid' });
    expect(badFrame.frames[0]).toMatchObject({ endpoint: 'auth', event: { id: 'a1' }, error: { status: true, code: 401 } });

    const notAuth = await TestSocket.open(stack.wsUrl);
    notAuth.sendRaw(JSON.stringify({ endpoint: 'resource:get', data: {}, event: { id: 1 } }));
    const closed = await notAuth.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/first frame must be/);

    const { token } = await stack.user();
    const inUrl = await TestSocket.open(`${stack.wsUrl}?token=${token}&access_token=${token}`);
    const started = Date.now();
    expect(await inUrl.closed).toEqual({ code: 4401, reason: 'authentication required: no auth frame within 1000 ms' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('refreshes the token of an open socket with a new auth frame for the same user only', async () => {
    const user = await stack.user();
    const tokens = [user.token, (await stack.user({ user: user.id, ttl: 7200 })).token, (await stack.user()).token];
    const client = sockets.track(new RealtimeClient({ url: stack.wsUrl, token: () => tokens.shift()!, reconnect: false }));
    await client.connect();
    await client.refreshToken();
    const refused = await client.refreshToken().then(() => undefined, (err: unknown) => err);
    expect(refused).toBeInstanceOf(ApiCallError);
    expect(refused).toMatchObject({ code: 403, operation: 'auth' });
    expect((await client.call('resource:create', { resource: { title: 'still open' } })).resource.title).toBe('still open');
    expect(client.state).toBe('open');
  });
});

describe('channels and fan-out', () => {
  it('delivers an event to sockets that joined the resource channel and not to the others', async () => {
    const channel = `resource:${randomUUID()}`;
    const [watcher, bystander, leaver] = await Promise.all([1, 2, 3].map(async () => TestSocket.authenticated(stack.wsUrl, (await stack.user()).token)));
    expect((await watcher.call('probe:join', { channel })).error).toEqual(OK);
    await leaver.call('probe:join', { channel });
    expect((await leaver.call('probe:leave', { channel })).error).toEqual(OK);

    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { belonging: 'directory:x' } });
    const event = await watcher.event('resource:updated', (f) => f.channel === channel);
    expect(event).toEqual({ type: 'event', endpoint: 'resource:updated', channel, position: 1, data: { belonging: 'directory:x', n: 0 }, error: OK });
    await sleep(300);
    expect(bystander.events('resource:updated')).toEqual([]);
    expect(leaver.events('resource:updated')).toEqual([]);
    for (const s of [watcher, bystander, leaver]) s.close();
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
      const viaGateway = await TestSocket.authenticated(stack.wsUrl, (await stack.user()).token);
      const viaSecond = await TestSocket.authenticated(`${second.url.replace('http', 'ws')}/ws`, (await stack.user()).token);
      await viaGateway.call('probe:join', { channel });
      await viaSecond.call('probe:join', { channel });
      // one publisher, one batch: a channel's events reach each instance in position order, even on a fresh stream
      await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { belonging: 'b' }, count: 30 });
      for (const socket of [viaGateway, viaSecond]) {
        await socket.event('resource:updated', (f) => f.position === 30);
        expect(positionsOf(socket.events('resource:updated'))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      }
      viaGateway.close();
      viaSecond.close();
    } finally {
      await second.stop();
    }
  });
});

describe('recovery after a reconnect', () => {
  type Outcome = { status: string; position: number; replayed?: number; reason?: string };
  const outcomes = (frame: Frame) => frame.data!.channels as Record<string, Outcome>;

  it('replays the events missed on a channel when it is joined again, before the joining call answers, then continues live', async () => {
    const user = await stack.user();
    const channel = `resource:${randomUUID()}`;
    const first = await TestSocket.authenticated(stack.wsUrl, user.token);
    await first.call('probe:join', { channel });
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'before' }, count: 2 });
    await first.event('resource:updated', (f) => f.position === 2);
    const last = first.events('resource:updated').at(-1)!.position!;
    first.close();
    await first.closed;

    const watching = await watcher(channel);
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'while away' }, count: 3 });
    await watching.upTo(5);
    const again = await TestSocket.authenticated(stack.wsUrl, user.token);
    const intent = await again.call('relay:recover', { channels: { [channel]: last } });
    expect(outcomes(intent)).toEqual({ [channel]: { status: 'pending', position: 2 } });
    const joined = await again.call('probe:join', { channel }, 'join');
    expect(joined.error).toEqual(OK);

    const sequence = again.frames.slice(again.frames.indexOf(intent) + 1);
    expect(sequence.map((f) => [f.type, f.endpoint, f.position ?? null])).toEqual([
      ['event', 'resource:updated', 3],
      ['event', 'resource:updated', 4],
      ['event', 'resource:updated', 5],
      ['event', 'relay:recovered', null],
      ['response', 'probe:join', null],
    ]);
    expect(sequence.slice(0, 3).map((f) => f.data)).toEqual([0, 1, 2].map((n) => ({ step: 'while away', n })));
    expect(sequence[3]).toMatchObject({ channel, data: { status: 'recovered', position: 5, replayed: 3 }, error: OK });

    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'live' } });
    expect((await again.event('resource:updated', (f) => f.position === 6)).data).toEqual({ step: 'live', n: 0 });
    expect(positionsOf(again.events('resource:updated'))).toEqual([3, 4, 5, 6]);
    again.close();
  });

  it('keeps positions contiguous when live events are published while the channel is being recovered', async () => {
    const user = await stack.user();
    const channel = `resource:${randomUUID()}`;
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: {}, count: 4 });
    const socket = await TestSocket.authenticated(stack.wsUrl, user.token);
    await socket.call('relay:recover', { channels: { [channel]: 1 } });
    const emitting = Array.from({ length: 6 }, () => steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: {} }));
    await socket.call('probe:join', { channel });
    await Promise.all(emitting);
    await socket.event('resource:updated', (f) => f.position === 10);
    expect(positionsOf(socket.events('resource:updated'))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    socket.close();
  });

  it('recovers the user channel named in the auth frame (sorting table events missed while away)', async () => {
    const user = await stack.user();
    const socket = await TestSocket.authenticated(stack.wsUrl, user.token);
    await socket.call('resource:create', { resource: { title: 'seen' } });
    const seen = await socket.event('sortingTable:addResources');
    socket.close();
    await socket.closed;
    const other = await TestSocket.authenticated(stack.wsUrl, user.token);
    const missed = await other.call('resource:create', { resource: { title: 'missed' } });
    await other.event('sortingTable:addResources', (f) => f.position === seen.position! + 1);
    other.close();

    const back = await TestSocket.open(stack.wsUrl);
    const userChannel = `user:${user.id}`;
    back.sendRaw(JSON.stringify({ endpoint: 'auth', data: { token: user.token, recover: { [userChannel]: seen.position } }, event: { id: 'auth' } }));
    await back.next((f) => f.endpoint === 'auth');
    expect(back.frames.map((f) => [f.type, f.endpoint])).toEqual([
      ['event', 'sortingTable:addResources'],
      ['event', 'relay:recovered'],
      ['response', 'auth'],
    ]);
    expect((back.frames[0].data!.resources as Array<{ id: string }>)[0].id).toBe((missed.data!.resource as { id: string }).id);
    expect(back.frames[1]).toMatchObject({ channel: userChannel, data: { status: 'recovered', position: seen.position! + 1, replayed: 1 } });
    back.close();
  });

  it('recovers an already joined user channel at once when nothing went out on it since', async () => {
    const user = await stack.user();
    const socket = await TestSocket.authenticated(stack.wsUrl, user.token);
    await socket.call('resource:create', { resource: { title: 'one' } });
    await socket.event('sortingTable:addResources');
    socket.close();
    await socket.closed;
    const other = await TestSocket.authenticated(stack.wsUrl, user.token);
    await other.call('resource:create', { resource: { title: 'two' } });
    // sequenced (in the history) once its user channel carries it
    await other.event('sortingTable:addResources', (f) => f.position === 2);
    other.close();
    const back = await TestSocket.open(stack.wsUrl, user.token);
    const answer = await back.call('relay:recover', { channels: { [`user:${user.id}`]: 1 } });
    expect(outcomes(answer)).toEqual({ [`user:${user.id}`]: { status: 'recovered', position: 2, replayed: 1 } });
    expect(positionsOf(back.events('sortingTable:addResources'))).toEqual([2]);
    back.close();
  });

  it('says recovery is impossible when the history no longer holds the gap or live events already went out', async () => {
    const user = await stack.user();
    const socket = await TestSocket.authenticated(stack.wsUrl, user.token);
    const [tooMany, expired, ahead, alreadyLive] = [1, 2, 3, 4].map(() => `resource:${randomUUID()}`);
    await socket.call('probe:join', { channel: alreadyLive });
    await steady.call('probe:emit', { channel: alreadyLive, endpoint: 'resource:updated', data: {} });
    await socket.event('resource:updated', (f) => f.channel === alreadyLive);

    const [watchingTooMany, watchingExpired] = await Promise.all([watcher(tooMany), watcher(expired)]);
    process.env.EVENT_HISTORY_LIMIT = '3';
    await steady.call('probe:emit', { channel: tooMany, endpoint: 'resource:updated', data: {}, count: 5 });
    process.env.EVENT_HISTORY_SECONDS = '1';
    await steady.call('probe:emit', { channel: expired, endpoint: 'resource:updated', data: {}, count: 2 });
    await Promise.all([watchingTooMany.upTo(5), watchingExpired.upTo(2)]);
    await sleep(1100);
    try {
      const intent = await socket.call('relay:recover', { channels: { [tooMany]: 0, [expired]: 0, [ahead]: 7, [alreadyLive]: 0 } });
      expect(outcomes(intent)[alreadyLive]).toEqual({ status: 'unrecoverable', position: 0, reason: expect.stringMatching(/live events arrived on this channel before the request/) });
      for (const channel of [tooMany, expired, ahead]) await socket.call('probe:join', { channel });
      const recovered = (channel: string) => socket.next((f) => f.endpoint === 'relay:recovered' && f.channel === channel).then((f) => f.data);
      expect(await recovered(tooMany)).toEqual({ status: 'unrecoverable', position: 0, reason: 'missed 5 events, more than the 3 kept: re-query' });
      expect(await recovered(expired)).toEqual({ status: 'unrecoverable', position: 0, reason: 'missed events are older than 1 s or too large to keep: re-query' });
      expect(await recovered(ahead)).toEqual({ status: 'unrecoverable', position: 7, reason: 'position 7 is ahead of the channel (0): re-query' });
    } finally {
      delete process.env.EVENT_HISTORY_LIMIT;
      delete process.env.EVENT_HISTORY_SECONDS;
    }
    const bad = await socket.call('relay:recover', { channels: { [tooMany]: -1 } });
    expect(bad.error).toMatchObject({ status: true, code: 400 });
    socket.close();
  });
});

/**
 * Positions are assigned by the sequencer after the emitting call answered: a socket joined to the
 * channel beforehand tells when the events up to a position are sequenced (and in the history).
 */
async function watcher(channel: string): Promise<{ upTo(position: number): Promise<void> }> {
  const socket = await TestSocket.authenticated(stack.wsUrl, (await stack.user()).token);
  await socket.call('probe:join', { channel });
  return {
    upTo: async (position) => {
      await socket.event('resource:updated', (f) => f.channel === channel && f.position === position);
      socket.close();
    },
  };
}

describe('protocol documentation', () => {
  it('the AsyncAPI document describes auth, relay:recover, the recovery outcome event and the close codes', async () => {
    const res = await fetch(`${stack.url}/asyncapi.json`);
    const doc = (await res.json()) as {
      operations: Record<string, { action: string; description?: string }>;
      channels: { socket: { description: string; 'x-close-codes': Record<string, string> } };
    };
    expect(doc.operations.auth.action).toBe('receive');
    expect(doc.operations.relay_recover.description).toMatch(/per-channel `position`/);
    expect(doc.operations['event.relay_recovered'].action).toBe('send');
    expect(Object.keys(doc.channels.socket['x-close-codes']).sort()).toEqual(['1009', '1011', '1012', '4401', '4413', '4429']);
    expect(doc.channels.socket.description).toMatch(/never in the URL/);
  });
});

describe('good sockets keep working', () => {
  it('the first socket still answers after every bad frame, bad token and unknown endpoint above', async () => {
    expect(steady.ws.readyState).toBe(steady.ws.OPEN);
    expect(await steady.call('probe:slow', { ms: 0, value: 'fine' })).toMatchObject({ error: OK, data: { value: 'fine' } });
  });
});
