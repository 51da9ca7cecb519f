// jose loads on the first token check, not at a cold start
import type { createRemoteJWKSet, JWTPayload } from 'jose';
import { v5 as uuidv5, validate as isUuid } from 'uuid';
import { env, requireEnv } from '../config.js';
import { unauthorized } from '../errors/api-error.js';
import type { Principal } from './principal.js';

/** Namespace of user ids derived from non-UUID subjects (e.g. Firebase uids). */
const USER_ID_NAMESPACE = '6f0b1f5e-6c1d-4f53-9d7e-2b0c8f1e8a11';

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

async function keySet(url: string) {
  let set = keySets.get(url);
  if (!set) {
    const { createRemoteJWKSet } = await import('jose');
    set = createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    keySets.set(url, set);
  }
  return set;
}

export function userIdFor(issuer: string, subject: string): string {
  return isUuid(subject) ? subject.toLowerCase() : uuidv5(`${issuer}|${subject}`, USER_ID_NAMESPACE);
}

function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scopes ?? payload.scp;
  if (typeof raw === 'string') return raw.split(/\s+/).filter(Boolean);
  if (Array.isArray(raw)) return raw.filter((s): s is string => typeof s === 'string');
  return [];
}

/** Verifies a JWT against the configured JWKS, issuer and audience; one path for production and local. */
export async function verifyToken(token: string): Promise<Principal> {
  const issuer = requireEnv('AUTH_ISSUER');
  const audience = env('AUTH_AUDIENCE');
  const { errors: joseErrors, jwtVerify } = await import('jose');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, await keySet(requireEnv('AUTH_JWKS_URL')), {
      issuer,
      audience,
      algorithms: ['RS256', 'ES256'],
    }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw unauthorized('token expired');
    if (err instanceof joseErrors.JWTClaimValidationFailed) throw unauthorized(`token rejected: ${err.message}`);
    if (err instanceof joseErrors.JOSEError) throw unauthorized('token is malformed or its signature is invalid');
    throw err;
  }
  if (!payload.sub) throw unauthorized('token has no subject');
  const claim = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : undefined);
  return {
    userId: userIdFor(issuer, payload.sub),
    subject: payload.sub,
    name: claim('name'),
    email: claim('email'),
    networkId: claim('networkId') ?? 'default',
    scopes: scopesOf(payload),
    admin: payload.admin === true,
    workspaceId: payload.tokenType === 'workspace' ? payload.sub : undefined,
    token,
  };
}
