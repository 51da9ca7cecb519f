import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { envInt } from '../config.js';
import { log } from '../log.js';
import { OutboundError } from './errors.js';
import { checkAnnouncedLength, limitedBody } from './response-body.js';
import { sendRequest } from './send-request.js';
import { checkUrl, redact, resolveTarget } from './target.js';

export interface SafeFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Buffered: limit for the whole call. Streamed: limit until headers, then the longest silence while reading. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** Cap on the (decompressed) body; exceeding it fails with kind 'too-large'. */
  maxBytes?: number;
  maxRedirects?: number;
  /** false: a redirect is returned as the response instead of being followed. */
  followRedirects?: boolean;
  /** true: a status >= 400 fails with kind 'http-error' (the status is on the error). */
  throwOnHttpError?: boolean;
  /** What the call is for, written to the logs (e.g. 'omdb', 'link-info'). */
  purpose?: string;
  signal?: AbortSignal;
}

export interface SafeResponse<Body> {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The final URL, after redirects. */
  url: string;
  redirects: number;
  body: Body;
}

/** Fetches a URL through the outbound checks and returns the whole body (at most `maxBytes`). */
export async function safeFetch(url: string | URL, options: SafeFetchOptions = {}): Promise<SafeResponse<Buffer>> {
  const response = await open(url, options, false);
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  return { ...response, body: Buffer.concat(chunks) };
}

/** Like safeFetch, but the body is a stream with the size cap enforced while it is read. Consume or destroy it. */
export function safeFetchStream(url: string | URL, options: SafeFetchOptions = {}): Promise<SafeResponse<Readable>> {
  return open(url, options, true);
}

interface Settings {
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  followRedirects: boolean;
  throwOnHttpError: boolean;
  purpose: string;
}

const defaultHeaders = {
  'user-agent': 'rooms-content-backend (+outbound)',
  accept: '*/*',
  'accept-encoding': 'gzip, deflate, br',
};

function settingsFrom(options: SafeFetchOptions): Settings {
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = { ...defaultHeaders };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  if (body) headers['content-length'] = String(body.length);
  return {
    method: (options.method ?? 'GET').toUpperCase(),
    headers,
    body,
    timeoutMs: options.timeoutMs ?? envInt('OUTBOUND_TIMEOUT_MS'),
    connectTimeoutMs: options.connectTimeoutMs ?? envInt('OUTBOUND_CONNECT_TIMEOUT_MS'),
    maxBytes: options.maxBytes ?? envInt('OUTBOUND_MAX_BYTES'),
    maxRedirects: options.maxRedirects ?? envInt('OUTBOUND_MAX_REDIRECTS'),
    followRedirects: options.followRedirects ?? true,
    throwOnHttpError: options.throwOnHttpError ?? false,
    purpose: options.purpose ?? 'unspecified',
  };
}

async function open(input: string | URL, options: SafeFetchOptions, streaming: boolean): Promise<SafeResponse<Readable>> {
  const settings = settingsFrom(options);
  const started = performance.now();
  let reading = false;
  const deadline = new Deadline(settings.timeoutMs, () => {
    const what = !reading ? 'did not answer' : streaming ? 'sent no data' : 'did not send its whole body';
    return new OutboundError('timeout', `${settings.purpose}: ${describe(input)} ${what} within ${settings.timeoutMs} ms`);
  });
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  try {
    const { res, url, redirects } = await follow(input, settings, signal);
    const limits = { maxBytes: settings.maxBytes, url: redact(url), onChunk: streaming ? () => deadline.restart() : undefined };
    checkAnnouncedLength(res, limits);
    const status = res.statusCode ?? 0;
    const { body, headers } = limitedBody(res, limits);
    reading = true;
    if (streaming) deadline.restart();
    const onAbort = () => body.destroy(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    body.once('close', () => {
      deadline.clear();
      signal.removeEventListener('abort', onAbort);
    });
    log.debug('outbound response', {
      purpose: settings.purpose,
      method: settings.method,
      url: redact(url),
      status,
      redirects,
      ms: Math.round(performance.now() - started),
    });
    if (settings.throwOnHttpError && status >= 400) {
      body.destroy();
      throw new OutboundError('http-error', `${settings.purpose}: ${redact(url)} answered ${status}`, { url: redact(url), status });
    }
    return { status, statusText: res.statusMessage ?? '', headers, url: url.href, redirects, body };
  } catch (err) {
    deadline.clear();
    if (err instanceof OutboundError) {
      const fields = { purpose: settings.purpose, kind: err.kind, url: err.details.url, message: err.message };
      if (err.kind === 'forbidden-address') log.warn('outbound call refused', fields);
      else log.info('outbound call failed', fields);
    }
    throw err;
  }
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const credentialHeaders = ['authorization', 'cookie', 'proxy-authorization'];

/** Sends the request and follows redirects by hand, validating every hop's URL and addresses again. */
async function follow(
  input: string | URL,
  settings: Settings,
  signal: AbortSignal,
): Promise<{ res: IncomingMessage; url: URL; redirects: number }> {
  let url = checkUrl(input);
  let { method, body } = settings;
  let headers = { ...settings.headers };
  for (let redirects = 0; ; redirects += 1) {
    const target = await untilAborted(resolveTarget(url), signal);
    const res = await sendRequest(target, { method, headers, body, connectTimeoutMs: settings.connectTimeoutMs, signal });
    const location = res.headers.location;
    if (!settings.followRedirects || !redirectStatuses.has(res.statusCode ?? 0) || !location) return { res, url, redirects };
    res.destroy();
    if (redirects >= settings.maxRedirects) {
      throw new OutboundError(
        'too-many-redirects',
        `${settings.purpose}: more than ${settings.maxRedirects} redirects from ${describe(input)}`,
        { url: redact(url) },
      );
    }
    const next = checkUrl(location, url);
    const status = res.statusCode ?? 0;
    if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers = withoutHeaders(headers, ['content-type', 'content-length']);
    }
    if (next.origin !== url.origin) headers = withoutHeaders(headers, credentialHeaders);
    url = next;
  }
}

function describe(input: string | URL): string {
  try {
    return redact(new URL(input));
  } catch {
    return 'the URL';
  }
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** An abort signal that fires `ms` after the last (re)start. */
class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly reason: () => OutboundError,
  ) {
    this.restart();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(this.reason()), this.ms);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
