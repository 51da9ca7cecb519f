import { randomUUID } from 'node:crypto';
import { WebSocket, type ClientOptions } from 'ws';
import { deployables } from '../../functions/manifest.js';
import { families } from '../../functions/catalog.js';
import { closeServers } from '../../scripts/lib/function-host.js';
import { createIssuerKeys, issuerEnv, mintToken, serveJwks, type TokenClaims } from '../../scripts/lib/issuer.js';
import { startStack, type RunningStack } from '../../scripts/lib/stack.js';
import { assertNoDrift, contracts } from '../helpers/contract.js';
import { commitFamily } from './fixtures/commit-family.js';
import { probeFamily } from './fixtures/probe-family.js';
import { verifyToken } from '../../shared/auth/verify.js';
import { ensureUserProfile } from '../../shared/users/profile.js';

export interface RelayTestStack {
  /** gateway base URL, http://127.0.0.1:PORT */
  url: string;
  /** ws://127.0.0.1:PORT/ws through the gateway */
  wsUrl: string;
  stack: RunningStack;
  user(claims?: Partial<TokenClaims>): Promise<{ id: string; token: string }>;
  /** function name -> base URL of the hosted functions, for a second relay instance */
  functionUrls: Record<string, string>;
  stop(): Promise<void>;
}

export const probeDeployable = { name: probeFamily.name, kind: 'http' as const, entry: 'test/relay/fixtures/probe-function.ts' };
export const familiesWithProbe = [...families, probeFamily];
/** What the test sockets check frames against: the catalog and every test-only family the relay tests serve. */
const documentedFamilies = [...familiesWithProbe, commitFamily];
/** `channel endpoint` of events the probe made up (any data): the drift check skips them. */
const probeEmitted = new Set<string>();

/** The whole stack (every function, the relay, the gateway) plus the test-only probe function, and a token issuer. */
export async function startRelayTestStack(): Promise<RelayTestStack> {
  const keys = await createIssuerKeys();
  const jwks = await serveJwks(keys);
  Object.assign(process.env, issuerEnv(jwks.url));
  const stack = await startStack({ port: 0, deployables: [...deployables, probeDeployable], families: familiesWithProbe });
  return {
    url: stack.url,
    wsUrl: `${stack.url.replace('http', 'ws')}/ws`,
    stack,
    functionUrls: Object.fromEntries(stack.functions.map((f) => [f.deployable.name, f.url])),
    user: async (claims = {}) => {
      const id = claims.user ?? randomUUID();
      const token = await mintToken(keys, { ...claims, user: id });
      // signed in, as after a first call: Chats only takes known users as room members
      // (from a valid user token of the same claims, so expired and workspace tokens can be tested too)
      if (!claims.workspace) await ensureUserProfile(await verifyToken(await mintToken(keys, { ...claims, user: id, ttl: undefined })));
      return { id, token };
    },
    stop: async () => {
      await stack.stop();
      await closeServers([jwks.server]);
    },
  };
}

export interface Frame {
  type: 'response' | 'event';
  endpoint: string | null;
  event?: { id: string | number | null; date: number };
  channel?: string;
  position?: number;
  data: Record<string, unknown> | null;
  error: { status: boolean; code: number; message: string };
}

/** Where a frame the relay sent differs from the AsyncAPI document (made-up probe events are not checked). */
export function driftOf(frame: Frame): string[] {
  const synthetic = frame.type === 'event' && (!TestSocket.checkEventFrames || probeEmitted.has(`${frame.channel} ${frame.endpoint}`));
  return synthetic ? [] : contracts(documentedFamilies).asyncApi.checkFrame(frame as unknown as Record<string, unknown>);
}

/** `probe:emit` publishes whatever event it is told to: its frames are exempt from the drift check. */
export function noteProbeEmit(endpoint: string, data: unknown): void {
  if (endpoint !== 'probe:emit') return;
  const emit = data as { channel: string; endpoint: string };
  probeEmitted.add(`${emit.channel} ${emit.endpoint}`);
}

/** A plain `ws` client that records every frame, matches replies by event id and waits for events. */
export class TestSocket {
  /** Tests that publish made-up events straight onto the topic or the relay switch the event check off (replies stay checked). */
  static checkEventFrames = true;
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<{ match: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];
  private seq = 0;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const drift = driftOf(frame);
      this.frames.push(frame);
      for (const w of [...this.waiters]) {
        if (w.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
      // after the frame is delivered and outside ws's parser (a throw there would stall the socket): fails the run as an unhandled error
      if (drift.length > 0) setImmediate(() => assertNoDrift(drift));
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async open(url: string, token?: string, options: ClientOptions = {}): Promise<TestSocket> {
    const headers = { ...(options.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const ws = new WebSocket(url, { ...options, headers });
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  /** Opens with a bearer header and waits until the relay has authenticated it (a first call answers). */
  static async authenticated(url: string, token: string): Promise<TestSocket> {
    const socket = await TestSocket.open(url, token);
    const answer = await socket.call('relay:recover', { channels: {} });
    if (answer.error.status) throw new Error(`socket not authenticated: ${answer.error.message}`);
    return socket;
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  next(match: (f: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((f) => [f.type, f.endpoint, f.event?.id]))}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  /** Sends a call and resolves with its reply (matched by event id). */
  call(endpoint: string, data: unknown = {}, id: string | number = `c-${++this.seq}`): Promise<Frame> {
    noteProbeEmit(endpoint, data);
    this.ws.send(JSON.stringify({ endpoint, data, event: { id, date: Date.now() } }));
    return this.next((f) => f.type === 'response' && f.event?.id === id);
  }

  event(endpoint: string, match: (f: Frame) => boolean = () => true, timeoutMs?: number): Promise<Frame> {
    return this.next((f) => f.type === 'event' && f.endpoint === endpoint && match(f), timeoutMs);
  }

  events(endpoint?: string): Frame[] {
    return this.frames.filter((f) => f.type === 'event' && (!endpoint || f.endpoint === endpoint));
  }

  close(): void {
    this.ws.close();
  }
}

export const OK = { status: false, code: 0, message: '' };
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
