import type { IncomingHttpHeaders } from 'node:http';
import { tokenSource } from '../auth/token-source.js';
import { env } from '../config.js';
import { forbidden, unsupportedMediaType } from '../errors/api-error.js';
import { CROSS_SITE_BODY_TYPES, isJsonMediaType, mediaTypeOf } from './media-type.js';
import { isAllowedOrigin } from './origins.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface BodyRequest {
  method?: string;
  headers: IncomingHttpHeaders;
  rawBody?: Buffer;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The page's origin is the API's own (same host as the request, or PUBLIC_BASE_URL). */
function isSameOrigin(origin: string, headers: IncomingHttpHeaders): boolean {
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  const ownHosts = [first(headers['x-forwarded-host']), first(headers.host)]
    .filter((h): h is string => Boolean(h))
    .map((h) => h.toLowerCase());
  const publicBase = env('PUBLIC_BASE_URL');
  if (publicBase) ownHosts.push(new URL(publicBase).host.toLowerCase());
  return ownHosts.includes(host);
}

/**
 * Browsers attach the ZM_AUTH_TOKEN cookie to requests any site makes. A state-changing request
 * authenticated by that cookie is refused when it carries a body type an HTML form or a
 * preflight-free fetch can send (415), or comes from a page whose origin is neither the API's nor
 * allowed by CORS_ALLOWED_ORIGINS (403).
 */
export function refuseCrossSiteCookieRequest(req: BodyRequest): void {
  if (SAFE_METHODS.has(req.method ?? 'GET') || tokenSource(req.headers) !== 'cookie') return;
  const type = mediaTypeOf(req.headers);
  if (type !== undefined && CROSS_SITE_BODY_TYPES.has(type)) {
    throw unsupportedMediaType(`Content-Type ${type} is not accepted for requests authenticated by the ZM_AUTH_TOKEN cookie`);
  }
  const origin = first(req.headers.origin);
  if (origin !== undefined && !isAllowedOrigin(origin) && !isSameOrigin(origin, req.headers)) {
    throw forbidden(`cross-site request from origin ${origin} refused`);
  }
}

/** A JSON binding's body, when there is one, must be declared JSON (415 otherwise). */
export function requireJsonBody(req: BodyRequest): void {
  if (!req.rawBody || req.rawBody.length === 0) return;
  const type = mediaTypeOf(req.headers);
  if (!isJsonMediaType(type))
    throw unsupportedMediaType(`Content-Type ${type ?? '(none)'} is not accepted: send the body as application/json`);
}
