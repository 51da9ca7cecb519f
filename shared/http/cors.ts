import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAllowedOrigin } from './origins.js';

/** Request headers a browser client may send cross-origin, besides the CORS-safelisted ones. */
const BASE_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-session-id',
  'range',
  'if-none-match',
  'if-range',
  'x-cloud-trace-context',
];

/** Response headers a cross-origin client may read, besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = [
  'ETag',
  'Content-Range',
  'Accept-Ranges',
  'Content-Length',
  'Location',
  'Content-Disposition',
  'Retry-After',
  'Vary',
];

const PREFLIGHT_MAX_AGE_SECONDS = '600';

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Adds `value` to a comma-separated response header (`Vary`) without repeating it. */
export function appendHeaderToken(res: ServerResponse, name: string, value: string): void {
  const current = res.getHeader(name);
  const tokens = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const token of value.split(',').map((t) => t.trim())) {
    if (token && !tokens.some((t) => t.toLowerCase() === token.toLowerCase())) tokens.push(token);
  }
  res.setHeader(name, tokens.join(', '));
}

/** A CORS preflight: OPTIONS naming the method the browser intends to send. */
export function isPreflight(req: IncomingMessage): boolean {
  return (
    req.method === 'OPTIONS' && headerValue(req, 'origin') !== undefined && headerValue(req, 'access-control-request-method') !== undefined
  );
}

/**
 * Marks every answer `Vary: Origin` and, for an allowed `Origin` only, lets that origin read it
 * with credentials. Other origins get no CORS headers, so browsers withhold the answer.
 */
export function applyCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  appendHeaderToken(res, 'Vary', 'Origin');
  const origin = headerValue(req, 'origin');
  if (!origin || !isAllowedOrigin(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
}

export interface PreflightOptions {
  /** methods bound at the requested path */
  methods: string[];
  /** request headers operations read (lower case), e.g. the chats upload headers */
  headers?: Iterable<string>;
}

/** Answers an OPTIONS request (204): allowed origins learn the methods and headers they may use. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, options: PreflightOptions): void {
  applyCorsHeaders(req, res);
  appendHeaderToken(res, 'Vary', 'Access-Control-Request-Method, Access-Control-Request-Headers');
  const methods = [...new Set([...options.methods, 'OPTIONS'])];
  res.setHeader('Allow', methods.join(', '));
  if (isAllowedOrigin(headerValue(req, 'origin'))) {
    res.setHeader('Access-Control-Allow-Methods', methods.join(', '));
    res.setHeader('Access-Control-Allow-Headers', [...new Set([...BASE_ALLOWED_HEADERS, ...(options.headers ?? [])])].join(', '));
    res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
  }
  res.statusCode = 204;
  res.end();
}
