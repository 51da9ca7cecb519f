import type { JWTPayload } from 'jose';

/**
 * The claims of a compact JWT, unverified (as jose's `decodeJwt`): for reading `exp` of a token
 * that was verified already or comes from a trusted source, without loading jose at a cold start.
 * Throws a TypeError when the token is not a JWT with a JSON object as payload.
 */
export function decodeJwt(token: string): JWTPayload {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1])) throw new TypeError('not a compact JWT');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new TypeError('the JWT payload is not JSON');
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    throw new TypeError('the JWT payload is not a JSON object');
  return payload as JWTPayload;
}
