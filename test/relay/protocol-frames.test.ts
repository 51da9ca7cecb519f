import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseProblems } from '../../shared/validation/validator.js';
import { resourceSchema } from '../../shared/resources/schema.js';
import { OK, startRelayTestStack, TestSocket, type RelayTestStack } from './helpers.js';

/**
 * The WebSocket protocol itself, frame by frame, with a plain `ws` socket: the reply envelope and
 * its event id, error replies, malformed frames, the auth frame (and its `recover`), how bad
 * tokens close the socket. Everything else drives the relay through the typed client
 * (relay.e2e.test.ts and the other relay tests).
 */
process.env.RELAY_AUTH_TIMEOUT_MS = '1000';

let stack: RelayTestStack;
let owner: { id: string; token: string };
/** opened first, used again at the end: bad sockets around it must not disturb it */
let steady: TestSocket;

beforeAll(async () => {
  stack = await startRelayTestStack();
  owner = await stack.user({ name: 'Owner' });
  steady = await TestSocket.authenticated(stack.wsUrl, owner.token);
});

afterAll(async () => {
  steady?.close();
  await stack?.stop();
});

describe('reply frames', () => {
  it('answers a call with the seed envelope, type response and the same event id', async () => {
    const created = await steady.call('resource:create', { resource: { title: 'Made over the socket' } }, 'c-17');
    expect(created).toMatchObject({
      type: 'response',
      endpoint: 'resource:create',
      event: { id: 'c-17', date: expect.any(Number) },
      error: OK,
    });
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

  it('answers malformed frames and unknown endpoints with errors, and the socket stays open', async () => {
    const socket = await TestSocket.authenticated(stack.wsUrl, owner.token);
    const errorOf = async (send: () => void) => {
      const before = socket.frames.length;
      send();
      await socket.next((f) => socket.frames.indexOf(f) >= before && f.type === 'response');
      return socket.frames[before];
    };
    expect((await errorOf(() => socket.sendRaw('{not json'))).error).toEqual({
      status: true,
      code: 400,
      message: 'frame is not valid JSON',
    });
    expect((await errorOf(() => socket.sendRaw(Buffer.from('{}'), true))).error.message).toMatch(/JSON text, not binary/);
    expect((await errorOf(() => socket.sendRaw('[1,2]'))).error).toMatchObject({ code: 400, message: 'request must be object' });
    expect((await errorOf(() => socket.sendRaw(JSON.stringify({ data: {}, event: { id: 'x' } })))).error.message).toBe(
      'endpoint is required',
    );
    // seed 000 writes requests without an event member: the call is run, its reply has event.id null
    const noEvent = await errorOf(() =>
      socket.sendRaw(JSON.stringify({ endpoint: 'probe:slow', data: { ms: 0, value: 'no event member' } })),
    );
    expect(noEvent).toMatchObject({
      type: 'response',
      endpoint: 'probe:slow',
      event: { id: null },
      data: { value: 'no event member' },
      error: { status: false },
    });
    const noEventNoData = await errorOf(() => socket.sendRaw(JSON.stringify({ endpoint: 'resource:get' })));
    expect(noEventNoData).toMatchObject({
      endpoint: 'resource:get',
      event: { id: null },
      error: { code: 400, message: expect.stringMatching(/resource/) },
    });
    const badData = await errorOf(() => socket.sendRaw(JSON.stringify({ endpoint: 'resource:get', data: [1], event: { id: 'd' } })));
    expect(badData).toMatchObject({ endpoint: 'resource:get', event: { id: 'd' }, error: { code: 400, message: 'data must be object' } });

    const unknown = await socket.call('resource:doesNotExist', {}, 'u');
    expect(unknown).toMatchObject({
      type: 'response',
      endpoint: 'resource:doesNotExist',
      event: { id: 'u' },
      data: null,
      error: { status: true, code: 404, message: 'unknown endpoint resource:doesNotExist' },
    });

    const good = await socket.call('probe:slow', { ms: 0, value: 'still here' });
    expect(good).toMatchObject({ error: OK, data: { value: 'still here' } });
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.close();
  });
});

describe('the auth frame', () => {
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
    back.sendRaw(
      JSON.stringify({ endpoint: 'auth', data: { token: user.token, recover: { [userChannel]: seen.position } }, event: { id: 'auth' } }),
    );
    await back.next((f) => f.endpoint === 'auth');
    expect(back.frames.map((f) => [f.type, f.endpoint])).toEqual([
      ['event', 'sortingTable:addResources'],
      ['event', 'relay:recovered'],
      ['response', 'auth'],
    ]);
    expect((back.frames[0].data!.resources as Array<{ id: string }>)[0].id).toBe((missed.data!.resource as { id: string }).id);
    expect(back.frames[1]).toMatchObject({
      channel: userChannel,
      data: { status: 'recovered', position: seen.position! + 1, replayed: 1 },
    });
    back.close();
  });
});

describe('good sockets keep working', () => {
  it('the first socket still answers after every bad frame, bad token and unknown endpoint above', async () => {
    expect(steady.ws.readyState).toBe(steady.ws.OPEN);
    expect(await steady.call('probe:slow', { ms: 0, value: 'fine' })).toMatchObject({ error: OK, data: { value: 'fine' } });
  });
});
