import { RealtimeClient, type RealtimeOptions } from '../../shared/client/index.js';
import { assertNoDrift } from '../helpers/contract.js';
import { driftOf, noteProbeEmit, type Frame } from './helpers.js';

type AnyCall = (endpoint: string, data: unknown) => Promise<unknown>;

/**
 * A RealtimeClient for the relay tests: every frame it receives is recorded as the relay sent it
 * (before the client's own handling, so a duplicate or out-of-order frame stays visible) and
 * checked against the AsyncAPI document; `call` reaches test-only endpoints too.
 */
export class ClientSocket {
  readonly frames: Frame[] = [];
  readonly client: RealtimeClient;
  /** resolves when the client closed for good (reconnect off), with the relay's close code */
  readonly closed: Promise<{ code?: number; reason?: string }>;
  private waiters: Array<{ match: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];

  constructor(url: string, token: RealtimeOptions['token'], options: Partial<RealtimeOptions> = {}) {
    this.client = new RealtimeClient({
      reconnect: false,
      ...options,
      url,
      token,
      onFrame: (frame) => this.receive(frame as unknown as Frame),
    });
    this.closed = new Promise((resolve) => this.client.onStateChange((state, detail) => state === 'closed' && resolve(detail ?? {})));
  }

  /** Connected and authenticated. */
  static async open(url: string, token: string, options: Partial<RealtimeOptions> = {}): Promise<ClientSocket> {
    const socket = new ClientSocket(url, token, options);
    await socket.client.connect();
    return socket;
  }

  private receive(frame: Frame): void {
    const drift = driftOf(frame);
    this.frames.push(frame);
    for (const w of [...this.waiters]) {
      if (!w.match(frame)) continue;
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(frame);
    }
    // outside the client's frame handler: fails the run as an unhandled error
    if (drift.length > 0) setImmediate(() => assertNoDrift(drift));
  }

  /** The reply's data; rejects with ApiCallError on an error reply. */
  call<T = Record<string, unknown>>(endpoint: string, data: unknown = {}): Promise<T> {
    noteProbeEmit(endpoint, data);
    return (this.client.call as unknown as AnyCall)(endpoint, data) as Promise<T>;
  }

  next(match: (f: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((f) => [f.type, f.endpoint, f.channel, f.position]))}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  event(endpoint: string, match: (f: Frame) => boolean = () => true, timeoutMs?: number): Promise<Frame> {
    return this.next((f) => f.type === 'event' && f.endpoint === endpoint && match(f), timeoutMs);
  }

  events(endpoint?: string): Frame[] {
    return this.frames.filter((f) => f.type === 'event' && (!endpoint || f.endpoint === endpoint));
  }

  close(): void {
    this.client.close();
  }
}

/** Typed client sockets for the relay end-to-end tests, checked against the AsyncAPI document; `closeAll` closes every one opened. */
export function clientSockets(wsUrl: string) {
  const opened: ClientSocket[] = [];
  const tracked: RealtimeClient[] = [];
  return {
    async open(token: string, options: Partial<RealtimeOptions> = {}): Promise<RealtimeClient> {
      return (await this.socket(token, options)).client;
    },
    async socket(token: string, options: Partial<RealtimeOptions> = {}): Promise<ClientSocket> {
      const socket = new ClientSocket(wsUrl, token, options);
      opened.push(socket);
      await socket.client.connect();
      return socket;
    },
    /** Closed by closeAll too. */
    track(client: RealtimeClient): RealtimeClient {
      tracked.push(client);
      return client;
    },
    closeAll(): void {
      for (const socket of opened.splice(0)) socket.close();
      for (const client of tracked.splice(0)) client.close();
    },
  };
}
