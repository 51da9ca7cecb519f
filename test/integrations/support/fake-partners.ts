/**
 * One fake upstream on 127.0.0.1 standing in for every partner (OMDb, Pinterest, Pixabay, Google
 * Drive and OAuth, YouTube and Amazon image hosts, web pages), each under its own path prefix,
 * with handlers a test can replace. The configuration variables point at it.
 */
import type { ServerResponse } from 'node:http';
import { routes, startFakeUpstream, type FakeHandler, type FakeUpstream, type RecordedRequest } from '../../helpers/fake-upstream.js';

export interface FakePartners {
  upstream: FakeUpstream;
  url: string;
  /** Sets (or replaces) the handler of `'METHOD /path'` (a trailing `*` matches a prefix). */
  on(route: string, handler: FakeHandler): void;
  /** Requests received whose path starts with `prefix`. */
  requests(prefix: string): RecordedRequest[];
  close(): Promise<void>;
}

export const PREFIX = {
  omdb: '/omdb',
  pinterest: '/pinterest',
  pixabay: '/pixabay/api/',
  drive: '/drive/v3',
  oauth: '/oauth/token',
  youtube: '/ytimg',
  amazon: '/amazon/images/P/',
} as const;

export async function startFakePartners(): Promise<FakePartners> {
  const table: Record<string, FakeHandler> = {};
  const upstream = await startFakeUpstream((req, res) => routes(table)(req, res));
  const url = upstream.url;
  Object.assign(process.env, {
    OUTBOUND_ALLOWED_HOSTS: upstream.host,
    OMDB_BASE_URL: `${url}${PREFIX.omdb}`,
    OMDB_API_KEY: 'omdb-test-key',
    PINTEREST_BASE_URL: `${url}${PREFIX.pinterest}`,
    PINTEREST_TOKEN: 'pinterest-test-token',
    PIXABAY_BASE_URL: `${url}${PREFIX.pixabay}`,
    PIXABAY_API_KEY: 'pixabay-test-key',
    GOOGLE_DRIVE_BASE_URL: `${url}${PREFIX.drive}`,
    GOOGLE_OAUTH_TOKEN_URL: `${url}${PREFIX.oauth}`,
    GOOGLE_DRIVE_CLIENT_ID: 'drive-client-id',
    GOOGLE_DRIVE_CLIENT_SECRET: 'drive-client-secret',
    YOUTUBE_THUMBNAIL_BASE_URL: `${url}${PREFIX.youtube}`,
    AMAZON_IMAGE_BASE_URL: `${url}${PREFIX.amazon}`,
  });
  return {
    upstream,
    url,
    on: (route, handler) => void (table[route] = handler),
    requests: (prefix) => upstream.requests.filter((r) => r.url.startsWith(prefix)),
    close: () => upstream.close(),
  };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export const query = (req: { url?: string }): URLSearchParams => new URL(req.url ?? '/', 'http://fake').searchParams;
