import type { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import { isVideoHostUrl } from '../../../shared/content/video-hosts.js';
import { ApiError } from '../../../shared/errors/api-error.js';
import { envInt } from '../../../shared/config.js';
import { outboundToApiError, safeFetchStream, type SafeResponse } from '../../../shared/outbound/index.js';
import { results } from '../../../shared/registry/types.js';
import { operation } from '../../../shared/registry/define.js';
import { parseVideoUrl } from '../rules/video-url.js';
import { noBody } from '../schemas/common.js';
import { youtubeProxyRequest } from '../schemas/read.js';

/** Upstream headers a player needs, passed through as they are. */
const PASSED_HEADERS = ['content-length', 'content-range', 'accept-ranges', 'etag', 'last-modified', 'cache-control'];
const PASSED_STATUSES = new Set([200, 206, 416]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Fetches through the outbound module; redirects are followed by hand so every hop stays on a video host. */
async function fetchVideo(url: URL, range: string | undefined): Promise<SafeResponse<Readable>> {
  const headers: Record<string, string> = { 'accept-encoding': 'identity', ...(range ? { range } : {}) };
  for (let hops = 0; ; hops++) {
    const response = await safeFetchStream(url, { headers, followRedirects: false, purpose: 'youtube-proxy' });
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || !location) return response;
    response.body.destroy();
    if (hops >= envInt('OUTBOUND_MAX_REDIRECTS')) throw new ApiError(422, 'url redirected too many times');
    const next = new URL(location, url);
    if (!isVideoHostUrl(next)) throw new ApiError(422, 'url redirected away from the video hosts');
    url = next;
  }
}

function passedHeaders(upstream: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox" };
  for (const name of PASSED_HEADERS) {
    const value = upstream[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

export const proxyYoutube = operation({
  name: 'resource.proxyYoutube',
  summary: 'Proxy YouTube resource data: streams a googlevideo.com URL through the API',
  description:
    '`url` must be an http(s) URL on a host of YOUTUBE_PROXY_HOSTS (default `googlevideo.com` and its subdomains), else 400; ' +
    'redirects must stay on those hosts (422 otherwise). `Range` is forwarded; 200, 206 and 416 are passed through with ' +
    'Content-Type, Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified and Cache-Control. Any other upstream ' +
    'status answers 422 naming it; an unreachable or oversized upstream answers 422/413 (OUTBOUND_MAX_BYTES caps one answer).',
  bindings: { http: [{ method: 'GET', path: '/api/v0/resource/proxy/youtube' }] },
  permission: 'authenticated user',
  rest: { body: 'none', headers: { range: 'range' } },
  produces: '*/*',
  responseHeaders: ['ETag', 'Last-Modified', 'Cache-Control', 'Content-Length'],
  request: youtubeProxyRequest,
  response: noBody,
}).handle(async (_ctx, input) => {
  const url = parseVideoUrl(input.url);
  let response: SafeResponse<Readable>;
  try {
    response = await fetchVideo(url, input.range);
  } catch (err) {
    throw outboundToApiError(err, { userSupplied: true });
  }
  if (!PASSED_STATUSES.has(response.status)) {
    response.body.destroy();
    throw new ApiError(422, `url answered with status ${response.status}`, { upstreamStatus: response.status });
  }
  const contentType = response.headers['content-type'] ?? 'application/octet-stream';
  return results.binary(response.body, contentType, passedHeaders(response.headers), response.status);
});
