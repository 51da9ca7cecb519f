import type { IncomingMessage } from 'node:http';
import { extractToken } from '../../shared/auth/token-source.js';
import { isAllowedOrigin } from '../../shared/http/origins.js';

/**
 * The token of an upgrade request. `Authorization: Bearer` (or `X-Session-Id`) works from any
 * origin: a page cannot make a browser send it cross-site. The `ZM_AUTH_TOKEN` cookie, which the
 * browser attaches by itself, counts only when the upgrade's Origin is in CORS_ALLOWED_ORIGINS:
 * otherwise any site could open a socket as the user (cross-site WebSocket hijacking).
 */
export function upgradeToken(req: IncomingMessage): string | undefined {
  const { cookie: _cookie, ...withoutCookie } = req.headers;
  const fromHeader = extractToken(withoutCookie);
  if (fromHeader || withoutCookie.authorization) return fromHeader;
  return isAllowedOrigin(req.headers.origin) ? extractToken(req.headers) : undefined;
}

/**
 * The client's address: the TCP peer, or with `trustedProxies` proxies in front (each appending
 * the address it saw to X-Forwarded-For), the entry that many places from the right.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[entries.length - trustedProxies] ?? entries[0] ?? peer;
}
