// jose loads on the first token check, not at a cold start
import type { createRemoteJWKSet, JWTPayload } from 'jose';
import { env, requireEnv, type ConfigName } from '../config.js';
import { unauthorized } from '../errors/api-error.js';
import type { Principal } from './principal.js';
import { isUuid, uuidV5 } from './uuid.js';

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
  return isUuid(subject) ? subject.toLowerCase() : uuidV5(`${issuer}|${subject}`, USER_ID_NAMESPACE);
}

function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scopes ?? payload.scp;
  if (typeof raw === 'string') return raw.split(/\s+/).filter(Boolean);
  if (Array.isArray(raw)) return raw.filter((s): s is string => typeof s === 'string');
  return [];
}

/** The process talks to the local emulators (tests, `npm start`), not to a Google Cloud project. */
export function usesEmulators(): boolean {
  return Boolean(env('FIRESTORE_EMULATOR_HOST') || env('PUBSUB_EMULATOR_HOST') || env('STORAGE_EMULATOR_HOST'));
}

const AUTH_SETTINGS: ConfigName[] = ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'];

/** Token settings a deployed process lacks; with the emulators none are demanded at start. */
export function missingAuthSettings(): ConfigName[] {
  return usesEmulators() ? [] : AUTH_SETTINGS.filter((name) => env(name) === undefined);
}

export interface VerifyOptions {
  /** seed 004: accept a token pointing to a workspace (claim `tokenType: "workspace"`); refused (401) otherwise */
  acceptWorkspaceTokens?: boolean;
}

/** What a token points to: a user (no `tokenType`, or `"user"`) or a workspace; anything else is a 401. */
function tokenKind(payload: JWTPayload): 'user' | 'workspace' {
  const kind = payload.tokenType ?? 'user';
  if (kind === 'user' || kind === 'workspace') return kind;
  throw unauthorized(`token type ${JSON.stringify(kind)} is unknown: expected "user" or "workspace"`);
}

/**
 * Verifies a JWT against the configured JWKS, issuer and audience; one path for production and
 * local. A workspace token is refused unless the caller (a seed 004 operation) accepts it.
 */
export async function verifyToken(token: string, options: VerifyOptions = {}): Promise<Principal> {
  const issuer = requireEnv('AUTH_ISSUER');
  // only the local issuer of the emulator stack may go without an audience
  const audience = usesEmulators() ? env('AUTH_AUDIENCE') : requireEnv('AUTH_AUDIENCE');
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
  const kind = tokenKind(payload);
  if (kind === 'workspace' && !options.acceptWorkspaceTokens) {
    throw unauthorized('a workspace token is accepted only by the ressource operations of seed 004: use a token pointing to a user');
  }
  const claim = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : undefined);
  return {
    userId: userIdFor(issuer, payload.sub),
    subject: payload.sub,
    name: claim('name'),
    email: claim('email'),
    networkId: claim('networkId') ?? 'default',
    scopes: scopesOf(payload),
    admin: payload.admin === true,
    workspaceId: kind === 'workspace' ? payload.sub : undefined,
    token,
  };
}
