import { env } from '../config.js';
import { decodeJwt } from './decode-jwt.js';
import type { Principal } from './principal.js';
import { verifyToken, type VerifyOptions } from './verify.js';

/**
 * Verified tokens, remembered until they expire: a signature checked once against the same
 * issuer, audience and key set does not need checking again on every call of a busy client. A
 * token past its `exp` is verified again (and refused), and a change of configuration misses.
 */
const MAX_ENTRIES = 5_000;
const MAX_AGE_MS = 5 * 60_000;
const verified = new Map<string, { principal: Principal; until: number }>();

export async function verifyTokenCached(token: string, options: VerifyOptions = {}): Promise<Principal> {
  const accepts = options.acceptWorkspaceTokens ? 'workspace' : 'user';
  const key = `${env('AUTH_ISSUER') ?? ''}|${env('AUTH_AUDIENCE') ?? ''}|${env('AUTH_JWKS_URL') ?? ''}|${accepts}|${token}`;
  const now = Date.now();
  const hit = verified.get(key);
  if (hit && hit.until > now) return hit.principal;
  verified.delete(key);
  const principal = await verifyToken(token, options);
  const exp = decodeJwt(token).exp;
  const until = Math.min(now + MAX_AGE_MS, exp === undefined ? now : exp * 1000);
  if (until > now) {
    if (verified.size >= MAX_ENTRIES) verified.delete(verified.keys().next().value as string);
    verified.set(key, { principal, until });
  }
  return principal;
}
