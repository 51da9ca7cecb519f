import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RelayOptions, type RunningRelay } from '../../functions/relay/index.js';
import { familiesWithProbe, OK, startRelayTestStack, TestSocket, type RelayTestStack } from './helpers.js';

/** Socket hardening: cookie only from allowed origins, malformed frames rate-limited, deep data refused, unauthenticated sockets capped. */
let stack: RelayTestStack;
const relays: RunningRelay[] = [];
const ALLOWED = 'https://app.example.test';
const previousOrigins = process.env.CORS_ALLOWED_ORIGINS;

beforeAll(async () => {
  stack = await startRelayTestStack();
  process.env.CORS_ALLOWED_ORIGINS = ALLOWED;
});
afterAll(async () => {
  if (previousOrigins === undefined) delete process.env.CORS_ALLOWED_ORIGINS;
  else process.env.CORS_ALLOWED_ORIGINS = previousOrigins;
  await Promise.all(relays.map((r) => r.stop()));
  await stack?.stop();
});

async function relayWith(options: Partial<RelayOptions> = {}): Promise<string> {
  const relay = await startRelay({ port: 0, families: familiesWithProbe, functionUrls: stack.functionUrls, subscribe: false, ...options });
  relays.push(relay);
  return `${relay.url.replace('http', 'ws')}/ws`;
}

describe('the ZM_AUTH_TOKEN cookie', () => {
  const cookieSocket = (url: string, token: string, origin?: string) =>
    TestSocket.open(url, undefined, { headers: { cookie: `ZM_AUTH_TOKEN=${token}`, ...(origin ? { origin } : {}) } });

  it('authenticates a socket whose Origin is allowed', async () => {
    const url = await relayWith();
    const { token } = await stack.user();
    const socket = await cookieSocket(url, token, ALLOWED);
    expect((await socket.call('relay:recover', { channels: {} })).error).toEqual(OK);
    socket.close();
  });

  it('does not authenticate a socket from another origin, or without an Origin: it must send an auth frame', async () => {
    const url = await relayWith();
    const { token } = await stack.user();
    for (const origin of ['https://evil.example.test', undefined]) {
      const socket = await cookieSocket(url, token, origin);
      socket.sendRaw(JSON.stringify({ endpoint: 'relay:recover', data: { channels: {} }, event: { id: 'x' } }));
      const closed = await socket.closed;
      expect(closed.code).toBe(4401);
      expect(closed.reason).toMatch(/^authentication required/);
      expect(socket.frames.filter((f) => f.type === 'response' && !f.error.status)).toEqual([]);
    }
  });

  it('leaves the Authorization header and the auth frame working from any origin', async () => {
    const url = await relayWith();
    const { token } = await stack.user();
    const byHeader = await TestSocket.open(url, token, { headers: { origin: 'https://evil.example.test' } });
    expect((await byHeader.call('relay:recover', { channels: {} })).error).toEqual(OK);
    const byFrame = await TestSocket.open(url, undefined, { headers: { origin: 'https://evil.example.test' } });
    expect((await byFrame.call('auth', { token })).error).toEqual(OK);
    expect((await byFrame.call('relay:recover', { channels: {} })).error).toEqual(OK);
    byHeader.close();
    byFrame.close();
  });
});

describe('frames', () => {
  it('counts malformed frames against the rate limit', async () => {
    // a burst of 3 and (practically) no refill: the authenticating call takes one, two malformed frames the rest
    const url = await relayWith({ limits: { messageRate: 0.001, messageBurst: 3 } });
    const socket = await TestSocket.authenticated(url, (await stack.user()).token);
    for (let i = 0; i < 3; i++) socket.sendRaw(`{"endpoint":"relay:recover","event":{"id":"bad-${i}"},"data":`);
    const valid = await socket.call('relay:recover', { channels: {} }, 'valid');
    const codes = socket.frames.filter((f) => f.type === 'response').map((f) => f.error.code);
    expect(codes).toEqual([0, 400, 400, 429, 429]);
    expect(valid.error.message).toMatch(/^rate limit/);
    socket.close();
  });

  it('answers call data nested 5,000 levels deep with a 400 error reply, and keeps serving the socket', async () => {
    const url = await relayWith();
    const socket = await TestSocket.authenticated(url, (await stack.user()).token);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    socket.sendRaw(
      `{"endpoint":"probe:emit","event":{"id":"deep"},"data":{"channel":"resource:x","endpoint":"resource:updated","data":{"v":${deep}}}}`,
    );
    const answer = await socket.next((f) => f.type === 'response' && f.event?.id === 'deep');
    expect(answer).toMatchObject({
      endpoint: 'probe:emit',
      data: null,
      error: { status: true, code: 400, message: expect.stringMatching(/deeper than 64 levels/) },
    });
    expect((await socket.call('probe:slow', { ms: 0, value: 'still here' })).data).toEqual({ value: 'still here' });
    socket.close();
  });
});

describe('unauthenticated sockets', () => {
  const opened: TestSocket[] = [];
  afterEach(() => {
    for (const s of opened.splice(0)) s.close();
  });
  const from = async (url: string, address: string) => {
    const socket = await TestSocket.open(url, undefined, { headers: { 'x-forwarded-for': `203.0.113.250, ${address}` } });
    opened.push(socket);
    return socket;
  };

  it('are capped per client address and per instance; authenticating frees a place', async () => {
    const url = await relayWith({
      limits: { maxUnauthenticated: 3, maxUnauthenticatedPerAddress: 2, trustedProxies: 1, authTimeoutMs: 60_000 },
    });
    const first = await from(url, '198.51.100.1');
    await from(url, '198.51.100.1');
    await expect(from(url, '198.51.100.1')).rejects.toThrow(/429/);
    await from(url, '198.51.100.2');
    await expect(from(url, '198.51.100.3')).rejects.toThrow(/429/);

    expect((await first.call('auth', { token: (await stack.user()).token })).error).toEqual(OK);
    const again = await from(url, '198.51.100.1');
    await expect(from(url, '198.51.100.4')).rejects.toThrow(/429/);
    again.close();
    await again.closed;
    await from(url, '198.51.100.4');
  });
});
