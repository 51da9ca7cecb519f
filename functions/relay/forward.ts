import { ApiError } from '../../shared/errors/api-error.js';
import { isChannel } from '../../shared/events/channels.js';
import { log } from '../../shared/log.js';
import type { ChannelChanges } from '../../shared/transport/invoke.js';
import type { ErrorEnvelope } from '../../shared/transport/envelopes.js';

export interface CallResult {
  data: unknown;
  error: ErrorEnvelope;
  channels: ChannelChanges;
}

export interface ForwarderOptions {
  /** function name -> base URL */
  functionUrl: (name: string) => string;
  timeoutMs: number;
  /** ID token for a function URL, when the functions require a service identity */
  idToken?: (audience: string) => Promise<string>;
}

const NO_CHANNELS: ChannelChanges = { join: [], leave: [] };

const isEnvelope = (e: unknown): e is ErrorEnvelope =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as ErrorEnvelope).status === 'boolean' &&
  typeof (e as ErrorEnvelope).code === 'number' &&
  typeof (e as ErrorEnvelope).message === 'string';

function channelList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isChannel) : [];
}

/**
 * Forwards a WebSocket call to its function's `POST /ops/{endpoint}` with the caller's token in
 * `Authorization`, and reads back `{ data, error, channels }`. Failures to reach the function
 * become 503 answers, never exceptions.
 */
export class Forwarder {
  constructor(private readonly options: ForwarderOptions) {}

  async call(fn: string, endpoint: string, token: string, body: { data: unknown; event: unknown }, requestId: string): Promise<CallResult> {
    const base = this.options.functionUrl(fn);
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-cloud-trace-context': requestId,
    };
    let res: Response;
    try {
      if (this.options.idToken) headers['x-serverless-authorization'] = `Bearer ${await this.options.idToken(base)}`;
      res = await fetch(`${base}/ops/${endpoint}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      log.warn('relay forward failed', {
        err,
        cause: cause && { code: cause.code, message: cause.message },
        function: fn,
        endpoint,
        timedOut,
      });
      throw new ApiError(
        503,
        timedOut
          ? `${endpoint}: function ${fn} did not answer within ${this.options.timeoutMs} ms`
          : `${endpoint}: function ${fn} is unavailable`,
      );
    }
    let answer: Partial<CallResult> | undefined;
    try {
      answer = (await res.json()) as Partial<CallResult>;
    } catch {
      answer = undefined;
    }
    if (!answer || !isEnvelope(answer.error)) {
      log.error('function answered a call without its envelope', { function: fn, endpoint, status: res.status });
      throw new ApiError(503, `${endpoint}: function ${fn} answered HTTP ${res.status} without a call result`);
    }
    const channels = answer.channels ? { join: channelList(answer.channels.join), leave: channelList(answer.channels.leave) } : NO_CHANNELS;
    return { data: answer.data ?? null, error: answer.error, channels };
  }
}
