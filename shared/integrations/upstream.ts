import { env, type ConfigName } from '../config.js';
import { ApiError, unavailable } from '../errors/api-error.js';
import { log } from '../log.js';
import { isOutboundError, safeFetch } from '../outbound/index.js';

/** Largest JSON answer read from a third-party API. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;

export interface UpstreamAnswer {
  status: number;
  /** The parsed JSON body; undefined when the body was empty. */
  body: unknown;
}

export interface UpstreamRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** The configured value of a variable, or a 503 naming what is missing. */
export function configured(service: string, name: ConfigName): string {
  const value = env(name);
  if (!value) {
    log.error('integration is not configured', { service, variable: name });
    throw unavailable(`${service} is not configured on this server`);
  }
  return value;
}

/** `base` with `path` appended to its own path (a base may carry a path, e.g. `/drive/v3`). */
export function endpoint(base: string, path = '', query: Record<string, string | number | undefined> = {}): URL {
  const url = new URL(base);
  if (path) url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  return url;
}

/**
 * Calls a third-party JSON API through the outbound module. Failing to reach it, a 5xx, a rate
 * limit or an answer that is not JSON are the service being unavailable (503, named in the
 * message); other statuses come back to the caller, who knows what they mean for that API.
 */
export async function callJsonApi(service: string, url: URL, request: UpstreamRequest = {}): Promise<UpstreamAnswer> {
  let answer;
  try {
    answer = await safeFetch(url, {
      method: request.method ?? 'GET',
      headers: { accept: 'application/json', ...request.headers },
      body: request.body,
      maxBytes: MAX_JSON_BYTES,
      purpose: service,
    });
  } catch (err) {
    if (!isOutboundError(err)) throw err;
    log.warn('third-party API unreachable', { service, kind: err.kind, message: err.message });
    throw new ApiError(503, `${service} is unavailable (${describeKind(err.kind)})`);
  }
  const { status } = answer;
  if (status === 429) throw new ApiError(503, `${service} is rate limiting this server; try again later`);
  if (status >= 500) {
    log.warn('third-party API failed', { service, status });
    throw new ApiError(503, `${service} is unavailable (it answered ${status})`);
  }
  const text = answer.body.toString('utf8').trim();
  if (!text) return { status, body: undefined };
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    if (status >= 400) return { status, body: text };
    log.warn('third-party API answered something that is not JSON', { service, status });
    throw new ApiError(503, `${service} answered with a body that is not JSON`);
  }
}

/** A configured service refused our credentials: ours to fix, so the client sees 503. */
export function rejectedCredentials(service: string, status: number, detail?: string): ApiError {
  log.error('third-party API rejected the configured credentials', { service, status, detail });
  return new ApiError(503, `${service} refused this server's credentials${detail ? ` (${detail})` : ''}`);
}

/** A service answered in a shape this client does not know. */
export function unexpectedAnswer(service: string, status: number): ApiError {
  log.warn('third-party API answered in an unexpected shape', { service, status });
  return new ApiError(503, `${service} answered in an unexpected way (status ${status})`);
}

function describeKind(kind: string): string {
  switch (kind) {
    case 'timeout':
      return 'no answer in time';
    case 'too-large':
      return 'its answer was too large';
    case 'forbidden-address':
      return 'its configured address may not be reached';
    default:
      return kind.replace(/-/g, ' ');
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
