import { parse as parseCookie } from 'cookie';

export type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller's token: `Authorization: Bearer`, else `X-Session-Id` (seed 000 JSON-RPC),
 * else the `ZM_AUTH_TOKEN` cookie (seed 003 clients). Never from the URL.
 */
export function extractToken(headers: HeaderBag): string | undefined {
  const authorization = header(headers, 'authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : undefined;
  }
  const session = header(headers, 'x-session-id');
  if (session) return session.trim();
  const cookie = header(headers, 'cookie');
  if (cookie) return parseCookie(cookie).ZM_AUTH_TOKEN || undefined;
  return undefined;
}

/**
 * Where `extractToken` finds the caller's token. Only `cookie` is sent by browsers on their own,
 * cross-site included, so only cookie-authenticated requests need the CSRF checks.
 */
export function tokenSource(headers: HeaderBag): 'authorization' | 'session' | 'cookie' | undefined {
  if (header(headers, 'authorization')) return 'authorization';
  if (header(headers, 'x-session-id')) return 'session';
  return extractToken(headers) ? 'cookie' : undefined;
}
