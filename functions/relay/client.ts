import { WebSocket, type RawData } from 'ws';
import type { EventMessage } from '../../shared/events/message.js';
import { closeCodes } from '../../shared/events/relay-protocol.js';
import { log } from '../../shared/log.js';

const TEXT = { binary: false } as const;
/** Close reasons are limited to 123 bytes by the protocol. */
const reasonOf = (text: string) => Buffer.from(text).subarray(0, 123).toString();

/** One socket: who it is, the channels it joined, its calls in flight. */
export class RelayClient {
  /** `verifying`: a header token is being checked; `waiting`: no token yet; `open`: authenticated */
  state: 'verifying' | 'waiting' | 'open' | 'closed' = 'waiting';
  userId = '';
  token = '';
  /** ms since epoch; the socket is closed with 4401 once its token has expired */
  expiresAt = Infinity;
  /** client address, counted against the per-address limit of unauthenticated sockets until authenticated or closed */
  unauthenticatedFrom?: string;
  /** answered the last ping */
  alive = true;
  inFlight = 0;
  readonly channels = new Set<string>();
  /** channel -> the channel's next position when this socket joined it (see ChannelHub.emittedSinceJoin) */
  readonly joinMarks = new Map<string, number | undefined>();
  /** channels being recovered: live events wait here until the replay has been sent */
  recovering?: Map<string, EventMessage[]>;
  /** channel -> last position sent in a replay: the same events arriving from the topic afterwards are skipped */
  replayedUpTo?: Map<string, number>;
  /** channel -> last position the client had, for channels it will join again (`relay:recover` before subscribing) */
  intents?: Map<string, number>;
  /** frames that arrived while the header token was being verified */
  early?: Array<{ data: RawData; isBinary: boolean }>;
  authTimer?: NodeJS.Timeout;

  constructor(
    readonly ws: WebSocket,
    private readonly maxBufferedBytes: number,
  ) {}

  get authenticated(): boolean {
    return this.state === 'open';
  }

  /** Sends a text frame, unless the client reads so slowly that its backlog passed the limit: then it is closed. */
  send(payload: string | Buffer): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      log.warn('closing slow consumer', { userId: this.userId, bufferedBytes: this.ws.bufferedAmount });
      this.close(closeCodes.slowConsumer, `slow consumer: more than ${this.maxBufferedBytes} bytes waiting to be sent`);
      return;
    }
    this.ws.send(payload, TEXT);
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, reasonOf(reason));
  }
}
