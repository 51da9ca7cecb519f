import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RelayOptions, type RunningRelay } from '../../functions/relay/index.js';
import { pubsub } from '../../shared/gcp/clients.js';
import { closeServers } from '../../scripts/lib/function-host.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { ApiCallError } from '../../shared/client/index.js';
import { ClientSocket } from './client-sockets.js';
import { familiesWithProbe, sleep, startRelayTestStack, TestSocket, type RelayTestStack } from './helpers.js';

// this file publishes made-up event payloads: the drift check of event frames does not apply
TestSocket.checkEventFrames = false;

let stack: RelayTestStack;
const relays: RunningRelay[] = [];

beforeAll(async () => {
  stack = await startRelayTestStack();
});

afterAll(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  await stack?.stop();
});

/** A relay instance of its own, forwarding to the stack's functions, with some limits lowered. */
async function relayWith(options: Partial<RelayOptions>): Promise<{ relay: RunningRelay; wsUrl: string }> {
  const relay = await startRelay({ port: 0, families: familiesWithProbe, functionUrls: stack.functionUrls, subscribe: false, ...options });
  relays.push(relay);
  return { relay, wsUrl: `${relay.url.replace('http', 'ws')}/ws` };
}

describe('heartbeats', () => {
  it('drops a socket that does not answer pings and keeps one that does', async () => {
    const { relay, wsUrl } = await relayWith({ limits: { heartbeatMs: 200 } });
    const { token } = await stack.user();
    // a socket that never answers pings: not something the client does, so a plain ws socket
    const deaf = await TestSocket.open(wsUrl, token, { autoPong: false });
    const alive = await ClientSocket.open(wsUrl, token);
    const dropped = await deaf.closed;
    expect(dropped.code).toBe(1006);
    await sleep(700);
    expect(alive.client.state).toBe('open');
    expect(relay.stats()).toMatchObject({ sockets: 1, authenticated: 1 });
    alive.close();
  });

  it('closes a socket whose token expired with 4401', async () => {
    const { wsUrl } = await relayWith({ limits: { heartbeatMs: 200 } });
    const socket = await ClientSocket.open(wsUrl, (await stack.user({ ttl: 2 })).token, { refreshBeforeExpiryMs: -60_000 });
    const closed = await socket.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/^token expired/);
  });
});

describe('slow consumers', () => {
  it('closes a socket whose unsent backlog passes the threshold with 4413, while a reading socket gets everything', async () => {
    const threshold = 1024 * 1024;
    const { relay, wsUrl } = await relayWith({ limits: { maxBufferedBytes: threshold } });
    const channel = `resource:${randomUUID()}`;
    // a socket that stops reading: a plain ws socket, paused
    const slow = await TestSocket.authenticated(wsUrl, (await stack.user()).token);
    const reader = await ClientSocket.open(wsUrl, (await stack.user()).token);
    await slow.call('probe:join', { channel });
    await reader.call('probe:join', { channel });
    slow.ws.pause();
    const blob = 'x'.repeat(64 * 1024);
    const total = 400;
    for (let position = 1; position <= total; position += 4) {
      for (let i = 0; i < 4; i++)
        relay.deliver({
          id: randomUUID(),
          endpoint: 'resource:updated',
          channel,
          position: position + i,
          data: { blob },
          time: Date.now(),
        });
      await sleep(5);
    }
    await reader.event('resource:updated', (f) => f.position === total, 30_000);
    expect(reader.events('resource:updated')).toHaveLength(total);
    expect(reader.client.state).toBe('open');

    slow.ws.resume();
    const closed = await slow.closed;
    expect(closed).toEqual({ code: 4413, reason: `slow consumer: more than ${threshold} bytes waiting to be sent` });
    expect(slow.events('resource:updated').length).toBeLessThan(total);
    reader.close();
  });
});

describe('rate limits', () => {
  it('answers frames above the per-user rate with 429 and keeps the socket', async () => {
    const { wsUrl } = await relayWith({ limits: { messageRate: 5, messageBurst: 5 } });
    const { token } = await stack.user();
    const socket = await ClientSocket.open(wsUrl, token);
    const answers = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => socket.call('probe:slow', { ms: 0, value: String(i) })));
    const limited = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason as ApiCallError] : []));
    expect(limited.length).toBeGreaterThanOrEqual(6);
    for (const error of limited)
      expect(error).toMatchObject({ name: 'ApiCallError', code: 429, message: 'rate limit: at most 5 frames per second per user' });
    expect(answers.filter((a) => a.status === 'fulfilled').length).toBeGreaterThanOrEqual(5);
    await sleep(1100);
    expect(await socket.call('probe:slow', { ms: 0, value: 'later' })).toEqual({ value: 'later' });
    socket.close();
  });

  it('answers calls beyond the in-flight limit of a socket with 429', async () => {
    const { wsUrl } = await relayWith({ limits: { maxInFlight: 2 } });
    const socket = await ClientSocket.open(wsUrl, (await stack.user()).token);
    const answers = await Promise.allSettled([300, 300, 0].map((ms, i) => socket.call('probe:slow', { ms, value: String(i) })));
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((answers[2] as PromiseRejectedResult).reason).toMatchObject({
      name: 'ApiCallError',
      code: 429,
      message: 'too many calls in flight on this socket (at most 2)',
    });
    socket.close();
  });

  it('closes sockets beyond the per-user connection limits with 4429', async () => {
    const { wsUrl } = await relayWith({ limits: { maxSocketsPerUser: 2, connectionsPerMinute: 3 } });
    const { token } = await stack.user();
    const first = await ClientSocket.open(wsUrl, token);
    const second = await ClientSocket.open(wsUrl, token);
    const third = new ClientSocket(wsUrl, token);
    await expect(third.client.connect()).rejects.toMatchObject({ name: 'ConnectionLostError', operation: 'auth' });
    expect(await third.closed).toEqual({ code: 4429, reason: 'too many connections: at most 2 sockets per user' });
    const other = await ClientSocket.open(wsUrl, (await stack.user()).token);
    first.close();
    await sleep(100);
    const fourth = await ClientSocket.open(wsUrl, token);
    second.close();
    await sleep(100);
    const fifth = new ClientSocket(wsUrl, token);
    await expect(fifth.client.connect()).rejects.toMatchObject({ closed: { code: 4429 } });
    expect(await fifth.closed).toEqual({ code: 4429, reason: 'too many connections: at most 3 new sockets per user per minute' });
    fourth.close();
    other.close();
  });

  it('closes a socket that sends a frame above the size limit with 1009', async () => {
    const { wsUrl } = await relayWith({ limits: { maxFrameBytes: 1024 } });
    const socket = await ClientSocket.open(wsUrl, (await stack.user()).token);
    await expect(socket.call('probe:slow', { ms: 0, value: 'x'.repeat(2000) })).rejects.toMatchObject({
      name: 'ConnectionLostError',
      closed: { code: 1009 },
    });
    expect((await socket.closed).code).toBe(1009);
  });
});

describe('draining', () => {
  it('lets calls in flight finish, refuses new calls and sockets, then closes with 1012 and deletes its subscription', async () => {
    const { relay, wsUrl } = await relayWith({ subscribe: true });
    const [{ subscription }] = [relay];
    expect((await pubsub().subscription(subscription!).exists())[0]).toBe(true);
    const socket = await ClientSocket.open(wsUrl, (await stack.user()).token);
    const slow = socket.call('probe:slow', { ms: 800, value: 'finished' });
    await sleep(100);
    const stopped = relay.stop();
    await sleep(50);
    await expect(socket.call('probe:slow', { ms: 0, value: 'too late' })).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 503,
      message: 'the relay is restarting: reconnect',
    });
    await expect(ClientSocket.open(wsUrl, (await stack.user()).token)).rejects.toThrow();
    expect(await slow).toEqual({ value: 'finished' });
    expect(await socket.closed).toEqual({ code: 1012, reason: 'service restart' });
    await stopped;
    expect((await pubsub().subscription(subscription!).exists())[0]).toBe(false);
  });

  it('runs as a service: PORT from the environment, and SIGTERM closes sockets with 1012 and exits 0', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      RELAY_FUNCTION_URLS: JSON.stringify(stack.functionUrls),
      LOG_LEVEL: 'INFO',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/relay/index.ts'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"message":"relay started","time":"[^"]+","port":(\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      void exited.then((code) => reject(new Error(`relay exited with ${code}: ${output}`)));
    });
    const user = await stack.user();
    const socket = await ClientSocket.open(`ws://127.0.0.1:${port}/ws`, user.token);
    expect((await socket.client.resource.create({ resource: { title: 'via the service' } })).resource.title).toBe('via the service');
    await socket.event('sortingTable:addResources');
    child.kill('SIGTERM');
    expect(await socket.closed).toEqual({ code: 1012, reason: 'service restart' });
    expect(await exited).toBe(0);
  });
});

describe('service identity towards the functions', () => {
  it('with RELAY_INVOKER_AUTH=metadata, sends an ID token for the function in X-Serverless-Authorization and keeps the user token in Authorization', async () => {
    const audiences: string[] = [];
    const idToken = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('metadata-test-key-metadata-test-key'));
    const metadata = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://metadata');
      if (url.pathname !== '/computeMetadata/v1/instance/service-accounts/default/identity' || req.headers['metadata-flavor'] !== 'Google')
        return void res.writeHead(404).end();
      audiences.push(url.searchParams.get('audience') ?? '');
      res.writeHead(200, { 'content-type': 'text/plain' }).end(idToken);
    });
    const seen: IncomingHttpHeaders[] = [];
    const target = new URL(stack.functionUrls.relayprobe);
    const frontEnd = createServer((req, res) => {
      seen.push(req.headers);
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    const servers: Server[] = [metadata, frontEnd];
    for (const server of servers) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const frontUrl = `http://127.0.0.1:${(frontEnd.address() as AddressInfo).port}`;
    process.env.GCE_METADATA_HOST = `127.0.0.1:${(metadata.address() as AddressInfo).port}`;
    try {
      const { wsUrl } = await relayWith({ invokerAuth: 'metadata', functionUrls: { ...stack.functionUrls, relayprobe: frontUrl } });
      const user = await stack.user();
      const socket = await ClientSocket.open(wsUrl, user.token);
      expect(await socket.call('probe:slow', { ms: 0, value: 'one' })).toEqual({ value: 'one' });
      expect(await socket.call('probe:slow', { ms: 0, value: 'two' })).toEqual({ value: 'two' });
      expect(seen).toHaveLength(2);
      for (const headers of seen) {
        expect(headers['x-serverless-authorization']).toBe(`Bearer ${idToken}`);
        expect(headers.authorization).toBe(`Bearer ${user.token}`);
      }
      expect(audiences).toEqual([frontUrl]);
      socket.close();
    } finally {
      delete process.env.GCE_METADATA_HOST;
      await closeServers(servers);
    }
  });
});
