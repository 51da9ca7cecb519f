import type { ChannelLeft, ChannelOf, EventName, EventPayload, InputArgs, WsEndpoint, WsRequest, WsResponse } from './api-types.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { ApiCallError, CallTimeoutError, ConnectionLostError } from './errors.js';
import { installMethods, type WsMethods } from './methods.js';
import { defaultSocketConstructor, frameText, OPEN, type SocketConstructor, type SocketLike } from './socket-transport.js';
import { currentToken, expiresAt, type TokenProvider } from './token.js';

export interface RealtimeOptions {
  /** the relay's URL, e.g. ws://127.0.0.1:8080/ws (the token is never put in it) */
  url: string;
  /** a token, or a function asked for a fresh one at every (re)connect and before the current one expires */
  token: TokenProvider;
  /** WebSocket implementation; default: the global one, else `ws` (Node 20) */
  WebSocket?: SocketConstructor;
  /** automatic reconnect with jittered exponential backoff (default on); `false` turns it off */
  reconnect?: BackoffOptions | false;
  /** a call without a reply after this long rejects with CallTimeoutError (default 30000) */
  callTimeoutMs?: number;
  /** re-authenticate this long before the token's `exp` (default 60000) */
  refreshBeforeExpiryMs?: number;
  /** sees every frame the relay sends, parsed, before the client handles it (logging, checks against the AsyncAPI document) */
  onFrame?: (frame: Record<string, unknown>) => void;
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Where an event came from. */
export interface EventMeta<E extends EventName = EventName> {
  channel: ChannelOf<E>;
  position?: number;
}

export interface Subscription<E extends WsEndpoint> {
  /** the reply of the subscribing call (of its latest replay after a reconnect) */
  reply: WsResponse<E>;
  /** stops replaying the call after reconnects; the leave call, when given, is sent now */
  unsubscribe<L extends WsEndpoint>(leave?: L, ...args: InputArgs<WsRequest<L>>): Promise<void>;
}

interface Pending {
  endpoint: string;
  resolve(data: unknown): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

interface Frame {
  type: 'response' | 'event';
  endpoint: string | null;
  event?: { id: string | number | null };
  channel?: string;
  position?: number;
  /** on a reply: channel -> its position when this call joined it */
  joined?: Record<string, number>;
  data: unknown;
  error?: { status: boolean; code: number; message: string };
}

interface RecoveryOutcome {
  status: 'recovered' | 'pending' | 'unrecoverable';
  position: number;
  reason?: string;
}

type Handler = (payload: never, meta: never) => void;

/** The relay accepts at most this many channels in one `recover`. */
const MAX_RECOVER_CHANNELS = 100;
const AUTH = 'auth';
const RECOVERED = 'relay:recovered';
const CHANNEL_LEFT = 'relay:channelLeft';

/**
 * A WebSocket client of the relay: authenticates with the `auth` frame, correlates replies by
 * `event.id`, dispatches typed events, reconnects with jittered backoff and, after a reconnect,
 * recovers the events it missed by naming its last position per channel (or, on a channel that
 * had no event yet, the position the join reply gave) and replaying its subscribing calls.
 * Every WebSocket endpoint is a method too: `rt.resource.get(input)` is `rt.call('resource:get', input)`.
 */
class RealtimeCalls {
  private socket?: SocketLike;
  private ctor?: SocketConstructor;
  private seq = 0;
  private attempt = 0;
  private closedByUser = false;
  private stateValue: ConnectionState = 'closed';
  private connecting?: Promise<{ userId: string }>;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private readonly pending = new Map<string, Pending>();
  private readonly queue: Array<() => void> = [];
  private readonly subscriptions: Array<{ endpoint: string; data: unknown; update(reply: unknown): void }> = [];
  private readonly handlers = new Map<string, Set<{ channel?: string; handler: Handler }>>();
  private readonly unrecoverableHandlers = new Set<(channel: string, reason: string) => void>();
  private readonly stateHandlers = new Set<(state: ConnectionState, detail?: { code?: number; reason?: string }) => void>();
  private readonly errorHandlers = new Set<(err: Error) => void>();
  /** channel -> position of the last event received on it */
  readonly positions = new Map<string, number>();
  /** channel -> its position when joined, for channels without an event since: recovery starts there */
  private readonly joinedAt = new Map<string, number>();
  userId?: string;

  constructor(private readonly options: RealtimeOptions) {
    installMethods(this, 'websocket', (endpoint, input) => this.enqueue(endpoint, input ?? {}));
  }

  get state(): ConnectionState {
    return this.stateValue;
  }

  /** Opens and authenticates the socket; resolves once the relay accepted the token. */
  connect(): Promise<{ userId: string }> {
    this.closedByUser = false;
    if (this.stateValue === 'open' && this.userId) return Promise.resolve({ userId: this.userId });
    if (this.stateValue === 'reconnecting') {
      return new Promise((resolve) => {
        const off = this.onStateChange((state) => {
          if (state !== 'open') return;
          off();
          resolve({ userId: this.userId! });
        });
      });
    }
    this.connecting ??= this.open(false)
      .catch((err: Error) => {
        this.setState('closed', err instanceof ConnectionLostError ? err.closed : undefined);
        for (const run of this.queue.splice(0)) run();
        throw err;
      })
      .finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** Sends a call and resolves with its reply's data; rejects with ApiCallError (the seed's code and message). */
  call<E extends WsEndpoint>(endpoint: E, ...args: InputArgs<WsRequest<E>>): Promise<WsResponse<E>> {
    return this.enqueue(endpoint, args[0] ?? {}) as Promise<WsResponse<E>>;
  }

  /**
   * A call that joins channels (resource:subscribe, resource:searchBelonging, sortingTable:get with
   * subscribe, ...): it is sent again after every reconnect, so the relay joins the channels again
   * and replays what was missed on them.
   */
  async subscribe<E extends WsEndpoint>(endpoint: E, ...args: InputArgs<WsRequest<E>>): Promise<Subscription<E>> {
    const data = args[0] ?? {};
    const subscription = {
      endpoint,
      data,
      reply: (await this.enqueue(endpoint, data)) as WsResponse<E>,
      update: (reply: unknown) => (subscription.reply = reply as WsResponse<E>),
      unsubscribe: async <L extends WsEndpoint>(leave?: L, ...leaveArgs: InputArgs<WsRequest<L>>) => {
        const at = this.subscriptions.indexOf(subscription);
        if (at >= 0) this.subscriptions.splice(at, 1);
        if (leave) await this.enqueue(leave, leaveArgs[0] ?? {});
      },
    };
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Calls `handler` for every `event` frame (only those of `channel`, when given); answers a function that stops it. */
  on<E extends EventName>(
    event: E,
    handler: (payload: EventPayload<E>, meta: EventMeta<E>) => void,
    options: { channel?: ChannelOf<E> } = {},
  ): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    const entry = { channel: options.channel, handler: handler as Handler };
    set.add(entry);
    return () => set.delete(entry);
  }

  /** The relay removed this socket from a channel (access revoked, room deleted, ...). */
  onChannelLeft(handler: (left: ChannelLeft) => void): () => void {
    return this.on(CHANNEL_LEFT, (left) => handler(left));
  }

  /** Events of this channel were missed and cannot be replayed: the app should re-query its state. */
  onUnrecoverable(handler: (channel: string, reason: string) => void): () => void {
    this.unrecoverableHandlers.add(handler);
    return () => this.unrecoverableHandlers.delete(handler);
  }

  onStateChange(handler: (state: ConnectionState, detail?: { code?: number; reason?: string }) => void): () => void {
    this.stateHandlers.add(handler);
    return () => this.stateHandlers.delete(handler);
  }

  /** Errors of background work: a subscription that failed to replay, a token refresh the relay refused. */
  onError(handler: (err: Error) => void): () => void {
    this.errorHandlers.add(handler);
    return () => this.errorHandlers.delete(handler);
  }

  /** Sends a fresh token from the provider on the open socket (done by itself before expiry). */
  async refreshToken(): Promise<void> {
    const token = await currentToken(this.options.token);
    if (!token) throw new Error('the token provider gave no token');
    await this.send(AUTH, { token });
    this.scheduleRefresh(token);
  }

  /** Closes the socket for good; calls waiting for a reply reject with ConnectionLostError. */
  close(): void {
    this.closedByUser = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.refreshTimer);
    this.socket?.close(1000, 'client closed');
    this.failPending();
    for (const run of this.queue.splice(0)) run();
    this.setState('closed');
  }

  private setState(state: ConnectionState, detail?: { code?: number; reason?: string }): void {
    if (this.stateValue === state) return;
    this.stateValue = state;
    for (const handler of this.stateHandlers) handler(state, detail);
  }

  private report(err: Error): void {
    for (const handler of this.errorHandlers) handler(err);
  }

  private enqueue(endpoint: string, data: unknown): Promise<unknown> {
    if (this.stateValue === 'open') return this.send(endpoint, data);
    if (this.closedByUser) return Promise.reject(new ConnectionLostError(endpoint, `the client is closed; ${endpoint} was not sent`));
    if (this.stateValue === 'closed') void this.connect().catch(() => undefined);
    return new Promise((resolve, reject) => {
      this.queue.push(() =>
        this.closedByUser
          ? reject(new ConnectionLostError(endpoint, `the client closed; ${endpoint} was not sent`))
          : this.send(endpoint, data).then(resolve, reject),
      );
    });
  }

  private send(endpoint: string, data: unknown): Promise<unknown> {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return Promise.reject(new ConnectionLostError(endpoint));
    const id = `c${++this.seq}`;
    const timeoutMs = this.options.callTimeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CallTimeoutError(endpoint, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { endpoint, resolve, reject, timer });
      socket.send(JSON.stringify({ endpoint, data, event: { id, date: Date.now() } }));
    });
  }

  private failPending(closed?: { code: number; reason: string }): void {
    const how = closed ? ` (${closed.code}${closed.reason ? ' ' + closed.reason : ''})` : '';
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      this.pending.delete(id);
      call.reject(
        new ConnectionLostError(
          call.endpoint,
          `the connection closed${how} before ${call.endpoint} was answered; it may or may not have run`,
          closed,
        ),
      );
    }
  }

  /** Positions to name in the auth frame of a reconnect (the relay takes at most 100). */
  private recoverPositions(): Record<string, number> | undefined {
    const all = new Map(this.joinedAt);
    for (const [channel, position] of this.positions) {
      all.delete(channel);
      all.set(channel, position);
    }
    if (all.size === 0) return undefined;
    const entries = [...all];
    for (const [channel] of entries.slice(0, Math.max(0, entries.length - MAX_RECOVER_CHANNELS))) {
      this.forget(channel);
      this.unrecoverable(channel, `more than ${MAX_RECOVER_CHANNELS} channels to recover: re-query`);
    }
    return Object.fromEntries(entries.slice(-MAX_RECOVER_CHANNELS));
  }

  private forget(channel: string): void {
    this.positions.delete(channel);
    this.joinedAt.delete(channel);
  }

  private async open(reconnecting: boolean): Promise<{ userId: string }> {
    this.setState(reconnecting ? 'reconnecting' : 'connecting');
    this.ctor ??= this.options.WebSocket ?? (await defaultSocketConstructor());
    const token = await currentToken(this.options.token);
    if (!token) throw new Error('the token provider gave no token');
    const socket = new this.ctor(this.options.url);
    this.socket = socket;
    const opened = new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve();
      socket.onerror = () => reject(new Error(`could not connect to ${this.options.url}`));
      socket.onclose = (event) => reject(new Error(`the relay closed the socket (${event.code} ${event.reason})`));
    });
    socket.onmessage = (event) => this.onFrame(frameText(event.data));
    try {
      await opened;
    } catch (err) {
      this.socket = undefined;
      throw err;
    }
    let authenticated = false;
    socket.onclose = (event) => this.onClose(socket, event.code, event.reason, authenticated);
    socket.onerror = () => undefined;
    const recover = reconnecting ? this.recoverPositions() : undefined;
    const { userId } = (await this.send(AUTH, recover ? { token, recover } : { token })) as { userId: string };
    authenticated = true;
    if (this.closedByUser) {
      socket.close(1000, 'client closed');
      throw new ConnectionLostError(AUTH, 'the client was closed while it connected');
    }
    this.userId = userId;
    this.attempt = 0;
    this.scheduleRefresh(token);
    this.setState('open');
    for (const subscription of this.subscriptions) {
      this.send(subscription.endpoint, subscription.data).then(
        (reply) => subscription.update(reply),
        (err: Error) => this.report(err),
      );
    }
    for (const run of this.queue.splice(0)) run();
    return { userId };
  }

  private scheduleRefresh(token: string): void {
    clearTimeout(this.refreshTimer);
    const exp = expiresAt(token);
    if (exp === undefined) return;
    const wait = Math.max(1_000, exp - Date.now() - (this.options.refreshBeforeExpiryMs ?? 60_000));
    this.refreshTimer = setTimeout(() => void this.refreshToken().catch((err: Error) => this.report(err)), Math.min(wait, 2 ** 31 - 1));
    (this.refreshTimer as { unref?: () => void }).unref?.();
  }

  /** A socket that closes before it authenticated is the failure of `open`, handled by its caller. */
  private onClose(socket: SocketLike, code: number, reason: string, authenticated: boolean): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    clearTimeout(this.refreshTimer);
    this.failPending({ code, reason });
    if (!authenticated) return;
    if (this.closedByUser || this.options.reconnect === false) {
      this.setState('closed', { code, reason });
      for (const run of this.queue.splice(0)) run();
      return;
    }
    this.setState('reconnecting', { code, reason });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = backoffDelay(this.attempt++, this.options.reconnect || undefined);
    this.reconnectTimer = setTimeout(() => {
      if (this.closedByUser) return;
      this.open(true).catch((err: Error) => {
        this.report(err);
        const socket = this.socket;
        this.socket = undefined;
        socket?.close();
        if (!this.closedByUser) this.scheduleReconnect();
      });
    }, delay);
  }

  private unrecoverable(channel: string, reason: string): void {
    for (const handler of this.unrecoverableHandlers) handler(channel, reason);
  }

  private onFrame(text: string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(text) as Frame;
    } catch {
      return this.report(new Error('the relay sent a frame that is not JSON'));
    }
    this.options.onFrame?.(frame as unknown as Record<string, unknown>);
    if (frame.type === 'response') return this.onReply(frame);
    if (frame.type !== 'event' || !frame.endpoint) return;
    const channel = frame.channel ?? '';
    if (frame.endpoint === RECOVERED) {
      const outcome = frame.data as RecoveryOutcome;
      if (outcome.status === 'unrecoverable') {
        // the joining call's reply that follows gives the position to go on from
        this.forget(channel);
        this.unrecoverable(channel, outcome.reason ?? 'events were missed: re-query');
      } else if (outcome.status === 'recovered' && outcome.position > (this.positions.get(channel) ?? 0))
        this.positions.set(channel, outcome.position);
    } else if (frame.endpoint === CHANNEL_LEFT) {
      this.forget((frame.data as ChannelLeft).channel);
    } else if (typeof frame.position === 'number') {
      if (frame.position <= (this.positions.get(channel) ?? 0)) return;
      this.positions.set(channel, frame.position);
    }
    for (const { channel: only, handler } of this.handlers.get(frame.endpoint) ?? []) {
      if (only !== undefined && only !== channel) continue;
      try {
        handler(frame.data as never, { channel, position: frame.position } as never);
      } catch (err) {
        this.report(err as Error);
      }
    }
  }

  private onReply(frame: Frame): void {
    const id = frame.event?.id;
    const call = id === undefined || id === null ? undefined : this.pending.get(String(id));
    for (const [channel, position] of Object.entries(frame.joined ?? {}))
      if (!this.positions.has(channel)) this.joinedAt.set(channel, position);
    if (!call) return;
    this.pending.delete(String(id));
    clearTimeout(call.timer);
    if (frame.error?.status) call.reject(new ApiCallError(frame.error.code, frame.error.message, frame.endpoint ?? call.endpoint));
    else call.resolve(frame.data);
  }
}

export type RealtimeClient = RealtimeCalls & WsMethods;
export const RealtimeClient = RealtimeCalls as new (options: RealtimeOptions) => RealtimeClient;
