import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { safeFetchStream, type SafeFetchOptions } from './safe-fetch.js';

export type OutboundFetchDefaults = Pick<SafeFetchOptions, 'timeoutMs' | 'connectTimeoutMs' | 'maxBytes' | 'maxRedirects' | 'purpose'>;

const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` whose requests go through the outbound checks, for libraries that accept a custom fetch
 * (e.g. `new OpenAI({ fetch: createOutboundFetch({ purpose: 'openai', timeoutMs: 120_000 }) })`).
 * The response body streams; `timeoutMs` bounds the wait for headers and then each silence in the body.
 */
export function createOutboundFetch(defaults: OutboundFetchDefaults = {}): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const answer = await safeFetchStream(request.url, {
      ...defaults,
      method: request.method,
      headers,
      body,
      signal: request.signal,
      followRedirects: request.redirect !== 'manual',
      ...(request.redirect === 'error' ? { maxRedirects: 0 } : {}),
    });
    const hasBody = !nullBodyStatuses.has(answer.status) && request.method !== 'HEAD';
    if (!hasBody) answer.body.destroy();
    const response = new Response(hasBody ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null, {
      status: answer.status,
      statusText: answer.statusText,
      headers: toHeaders(answer.headers),
    });
    Object.defineProperty(response, 'url', { value: answer.url });
    Object.defineProperty(response, 'redirected', { value: answer.redirects > 0 });
    return response;
  };
}

/** The default adapter: configured timeouts and size cap. */
export const outboundFetch: typeof fetch = createOutboundFetch({ purpose: 'fetch' });

function toHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) result.append(name, item);
  }
  return result;
}
