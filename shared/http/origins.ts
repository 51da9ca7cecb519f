import { env } from '../config.js';

/**
 * The browser origins allowed to call the API cross-origin and to authenticate a WebSocket by
 * cookie (`CORS_ALLOWED_ORIGINS`, comma-separated). Unset: none.
 */
export function allowedOrigins(): ReadonlySet<string> {
  const raw = env('CORS_ALLOWED_ORIGINS') ?? '';
  return new Set(
    raw
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, '').toLowerCase())
      .filter((origin) => origin.length > 0),
  );
}

/** Whether a request's `Origin` header names an allowed origin (exact scheme, host and port). */
export function isAllowedOrigin(origin: string | undefined): boolean {
  if (!origin) return false;
  return allowedOrigins().has(origin.trim().replace(/\/+$/, '').toLowerCase());
}
