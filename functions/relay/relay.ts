import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { ApiError, badRequest, forbidden, toApiError, tooManyRequests, unavailable } from '../../shared/errors/api-error.js';
import { userChannel } from '../../shared/events/channels.js';
import { storedEvents } from '../../shared/events/history.js';
import { AUTH_ENDPOINT, closeCodes, RECOVER_ENDPOINT, relayEndpoints } from '../../shared/events/relay-protocol.js';
import { log } from '../../shared/log.js';
import { OK } from '../../shared/transport/envelopes.js';
import { validateRequest } from '../../shared/validation/validator.js';
import { authenticate, type SocketIdentity } from './authenticate.js';
import { RelayClient } from './client.js';
import { Forwarder } from './forward.js';
import { errorFrame, parseFrame, responseFrame, type CallFrame } from './frames.js';
import { ChannelHub } from './hub.js';
import { metadataIdTokens } from './invoker-auth.js';
import { UserLimits } from './limits.js';
import { Recovery } from './recovery.js';
import { UnauthenticatedSockets } from './unauthenticated.js';
import { upgradeToken } from './upgrade.js';
import type { RelaySettings } from './settings.js';

/** Frames kept while a header token is being verified; more close the socket. */
const MAX_EARLY_FRAMES = 16;
const schemaOf = (endpoint: string) => relayEndpoints.find((e) => e.endpoint === endpoint)!.request;

export interface RelayStats {
  sockets: number;
  authenticated: number;
  channels: number;
  inFlight: number;
}

/** The sockets of one relay instance: authentication, calls, channel membership, heartbeats, draining. */
export class Relay {
  readonly clients = new Set<RelayClient>();
  readonly hub: ChannelHub;
  private readonly limits: UserLimits;
  private readonly forwarder: Forwarder;
  private readonly recovery: Recovery;
  readonly unauthenticated: UnauthenticatedSockets;
  private inFlight = 0;
  private whenIdle?: () => void;
  draining = false;

  constructor(private readonly settings: RelaySettings) {
    const { limits } = settings;
    this.hub = new ChannelHub(limits.reorderWaitMs, storedEvents);
    this.limits = new UserLimits(limits);
    this.recovery = new Recovery(this.hub);
    this.unauthenticated = new UnauthenticatedSockets(limits.maxUnauthenticated, limits.maxUnauthenticatedPerAddress);
    this.forwarder = new Forwarder({
      functionUrl: settings.functionUrl,
      timeoutMs: limits.callTimeoutMs,
      idToken: settings.invokerAuth === 'metadata' ? metadataIdTokens() : undefined,
    });
  }

  stats(): RelayStats {
    let authenticated = 0;
    for (const c of this.clients) if (c.authenticated) authenticated++;
    return { sockets: this.clients.size, authenticated, channels: this.hub.channelCount, inFlight: this.inFlight };
  }

  /** `address`: the client's, already admitted by {@link UnauthenticatedSockets.refusal}. */
  accept(ws: WebSocket, req: IncomingMessage, address: string): void {
    const client = new RelayClient(ws, this.settings.limits.maxBufferedBytes);
    this.clients.add(client);
    this.unauthenticated.add(address);
    client.unauthenticatedFrom = address;
    ws.on('pong', () => (client.alive = true));
    ws.on('message', (data, isBinary) => this.onFrame(client, data, isBinary));
    ws.on('close', () => this.onClose(client));
    ws.on('error', (err) => log.debug('socket error', { err, userId: client.userId }));
    const token = upgradeToken(req);
    if (token) {
      client.state = 'verifying';
      client.early = [];
      void this.authenticateHeader(client, token);
      return;
    }
    const ms = this.settings.limits.authTimeoutMs;
    client.authTimer = setTimeout(
      () => client.close(closeCodes.unauthorized, `authentication required: no auth frame within ${ms} ms`),
      ms,
    );
  }

  private authenticated(client: RelayClient): void {
    if (client.unauthenticatedFrom === undefined) return;
    this.unauthenticated.remove(client.unauthenticatedFrom);
    client.unauthenticatedFrom = undefined;
  }

  private onClose(client: RelayClient): void {
    clearTimeout(client.authTimer);
    this.authenticated(client);
    if (client.state === 'open') this.limits.releaseSocket(client.userId);
    client.state = 'closed';
    this.hub.leaveAll(client);
    this.clients.delete(client);
  }

  private async authenticateHeader(client: RelayClient, token: string): Promise<void> {
    try {
      this.admit(client, await authenticate(token), token);
    } catch (err) {
      client.close(closeCodes.unauthorized, toApiError(err).message);
      return;
    }
    this.replayEarlyFrames(client);
  }

  /** Makes an authenticated socket a member of its user channel, within the user's connection limits. */
  private admit(client: RelayClient, identity: SocketIdentity, token: string): boolean {
    if (client.state === 'closed') return false;
    const { userId } = identity.principal;
    const refusal = this.limits.admitSocket(userId);
    if (refusal) {
      client.close(closeCodes.tooManyConnections, refusal);
      return false;
    }
    clearTimeout(client.authTimer);
    this.authenticated(client);
    Object.assign(client, { state: 'open', userId, token, expiresAt: identity.expiresAt });
    this.hub.join(client, userChannel(userId));
    return true;
  }

  private replayEarlyFrames(client: RelayClient): void {
    const early = client.early ?? [];
    client.early = undefined;
    for (const frame of early) this.onFrame(client, frame.data, frame.isBinary);
  }

  private onFrame(client: RelayClient, data: RawData, isBinary: boolean): void {
    if (client.state === 'closed') return;
    if (client.state === 'verifying') {
      if (client.early!.length >= MAX_EARLY_FRAMES)
        client.close(closeCodes.unauthorized, 'too many frames before authentication completed');
      else client.early!.push({ data, isBinary });
      return;
    }
    const parsed = parseFrame(data, isBinary);
    if (client.state === 'waiting') {
      if (parsed.ok && parsed.frame.endpoint === AUTH_ENDPOINT) void this.authFrame(client, parsed.frame);
      else
        client.close(
          closeCodes.unauthorized,
          'authentication required: the first frame must be {"endpoint":"auth","data":{"token":"..."}}',
        );
      return;
    }
    const { limits } = this.settings;
    // every frame counts, malformed ones too
    if (!this.limits.allowMessage(client.userId)) {
      const about = parsed.ok ? { endpoint: parsed.frame.endpoint, eventId: parsed.frame.event?.id } : parsed;
      return client.send(
        errorFrame(about.endpoint, about.eventId, tooManyRequests(`rate limit: at most ${limits.messageRate} frames per second per user`)),
      );
    }
    if (!parsed.ok) return client.send(errorFrame(parsed.endpoint, parsed.eventId, parsed.error));
    const { frame } = parsed;
    if (this.draining) return client.send(errorFrame(frame.endpoint, frame.event?.id, unavailable('the relay is restarting: reconnect')));
    if (client.inFlight >= limits.maxInFlight)
      return client.send(
        errorFrame(
          frame.endpoint,
          frame.event?.id,
          tooManyRequests(`too many calls in flight on this socket (at most ${limits.maxInFlight})`),
        ),
      );
    if (frame.endpoint === AUTH_ENDPOINT) return void this.track(client, frame, () => this.refreshToken(client, frame));
    if (frame.endpoint === RECOVER_ENDPOINT) return void this.track(client, frame, () => this.recover(client, frame));
    const fn = this.settings.endpoints.get(frame.endpoint);
    if (!fn) return client.send(errorFrame(frame.endpoint, frame.event?.id, new ApiError(404, `unknown endpoint ${frame.endpoint}`)));
    void this.track(client, frame, () => this.forward(client, fn, frame));
  }

  /** First `auth` frame of a socket opened without a token. */
  private async authFrame(client: RelayClient, frame: CallFrame): Promise<void> {
    client.state = 'verifying';
    client.early = [];
    try {
      const { token, recover } = validateRequest<{ token: string; recover?: Record<string, number> }>(schemaOf(AUTH_ENDPOINT), frame.data);
      const identity = await authenticate(token);
      if (recover) client.intents = new Map(Object.entries(recover));
      if (!this.admit(client, identity, token)) return;
      await this.recovery.joined(client, [userChannel(client.userId)]);
      const joined = await this.recovery.joinPositions(client, [userChannel(client.userId)]);
      client.send(responseFrame(AUTH_ENDPOINT, frame.event?.id, { userId: client.userId }, OK, joined));
    } catch (err) {
      const error = toApiError(err);
      client.send(errorFrame(AUTH_ENDPOINT, frame.event?.id, error));
      client.close(closeCodes.unauthorized, error.message);
      return;
    }
    this.replayEarlyFrames(client);
  }

  /** Runs one call, counting it in flight (for draining), and answers its error if it throws. */
  private async track(client: RelayClient, frame: CallFrame, run: () => Promise<void>): Promise<void> {
    client.inFlight++;
    this.inFlight++;
    try {
      await run();
    } catch (err) {
      const error = toApiError(err);
      if (error.status >= 500 && !(err instanceof ApiError)) log.error('relay call failed', { err, endpoint: frame.endpoint });
      client.send(errorFrame(frame.endpoint, frame.event?.id, error));
    } finally {
      client.inFlight--;
      this.inFlight--;
      if (this.inFlight === 0) this.whenIdle?.();
    }
  }

  private async forward(client: RelayClient, fn: string, frame: CallFrame): Promise<void> {
    const result = await this.forwarder.call(fn, frame.endpoint, client.token, { data: frame.data, event: frame.event }, randomUUID());
    if (client.state !== 'open') return;
    for (const channel of result.channels.leave) this.hub.leave(client, channel);
    for (const channel of result.channels.join) this.hub.join(client, channel);
    await this.recovery.joined(client, result.channels.join);
    const joined = result.channels.join.length > 0 ? await this.recovery.joinPositions(client, result.channels.join) : undefined;
    client.send(responseFrame(frame.endpoint, frame.event?.id, result.data, result.error, joined));
  }

  private async refreshToken(client: RelayClient, frame: CallFrame): Promise<void> {
    const { token, recover } = validateRequest<{ token: string; recover?: unknown }>(schemaOf(AUTH_ENDPOINT), frame.data);
    if (recover) throw badRequest('recover is read on the first auth frame only: send relay:recover');
    const identity = await authenticate(token);
    if (identity.principal.userId !== client.userId) throw forbidden('the token belongs to another user: open a new socket');
    Object.assign(client, { token, expiresAt: identity.expiresAt });
    client.send(responseFrame(AUTH_ENDPOINT, frame.event?.id, { userId: client.userId }));
  }

  private async recover(client: RelayClient, frame: CallFrame): Promise<void> {
    const { channels } = validateRequest<{ channels: Record<string, number> }>(schemaOf(RECOVER_ENDPOINT), frame.data);
    const result = await this.recovery.request(client, channels);
    client.send(responseFrame(RECOVER_ENDPOINT, frame.event?.id, { channels: result }));
  }

  /** Heartbeat: drops sockets that did not answer the last ping, closes those whose token expired, pings the rest. */
  sweep(now = Date.now()): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      if (client.state === 'open' && now >= client.expiresAt) {
        client.close(closeCodes.unauthorized, 'token expired: reconnect with a fresh token, or send an auth frame before expiry');
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
    this.limits.sweep(now);
  }

  /** Refuses new calls, waits for those in flight (bounded), then closes every socket with 1012. */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.whenIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.inFlight > 0) log.warn('closing sockets with calls still in flight', { inFlight: this.inFlight });
    }
    const closed = [...this.clients].map(
      (c) => new Promise<void>((resolve) => (c.ws.readyState === c.ws.CLOSED ? resolve() : c.ws.once('close', () => resolve()))),
    );
    for (const client of this.clients) client.close(closeCodes.serviceRestart, 'service restart');
    const grace = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
    await Promise.race([Promise.all(closed), grace]);
    for (const client of this.clients) client.ws.terminate();
  }
}
