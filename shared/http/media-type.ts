import type { IncomingHttpHeaders } from 'node:http';

/** The media type of a request body without its parameters, lower case (`application/json`). */
export function mediaTypeOf(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers['content-type'];
  if (!raw) return undefined;
  const type = raw.split(';')[0].trim().toLowerCase();
  return type || undefined;
}

/** The `charset` parameter of the body's Content-Type, lower case. */
export function charsetOf(headers: IncomingHttpHeaders): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(headers['content-type'] ?? '');
  return match?.[1].toLowerCase();
}

/** `application/json` and the structured `application/*+json` types. */
export function isJsonMediaType(type: string | undefined): boolean {
  return type === 'application/json' || (type !== undefined && /^application\/[\w.+-]+\+json$/.test(type));
}

/** The body types an HTML form or a no-preflight `fetch` can send from any site. */
export const CROSS_SITE_BODY_TYPES: ReadonlySet<string> = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
