import { randomUUID } from 'node:crypto';
import { createIssuerKeys, issuerEnv, mintToken, serveJwks, type TokenClaims } from '../../scripts/lib/issuer.js';
import { newCredentialsKey } from '../../scripts/lib/credentials-key.js';
import { closeServers } from '../../scripts/lib/function-host.js';
import { startStack, type RunningStack } from '../../scripts/lib/stack.js';
import type { Deployable } from '../../functions/manifest.js';
import { verifyToken } from '../../shared/auth/verify.js';
import { ensureUserProfile } from '../../shared/users/profile.js';

export interface TestStack {
  url: string;
  stack: RunningStack;
  /** a token for a user (a fresh UUID unless given) */
  token(claims?: Partial<TokenClaims>): Promise<string>;
  /** a new user who has signed in (their profile exists, as after a first call): id and token */
  user(claims?: Partial<TokenClaims>): Promise<{ id: string; token: string }>;
  stop(): Promise<void>;
}

/**
 * Boots the whole system in this process against the emulators of the test run: every function on
 * its own port, the gateway in front, and a local token issuer with fresh keys.
 */
export async function startTestStack(options: { deployables?: Deployable[] } = {}): Promise<TestStack> {
  const keys = await createIssuerKeys();
  const jwks = await serveJwks(keys);
  Object.assign(process.env, issuerEnv(jwks.url), { VALIDATE_RESPONSES: 'true' });
  process.env.CREDENTIALS_ENCRYPTION_KEY ||= newCredentialsKey();
  delete process.env.PUBLIC_BASE_URL;
  const stack = await startStack({ port: 0, deployables: options.deployables });
  const token = (claims: Partial<TokenClaims> = {}) => mintToken(keys, { user: randomUUID(), ...claims });
  return {
    url: stack.url,
    stack,
    token,
    user: async (claims = {}) => {
      const id = claims.user ?? randomUUID();
      const minted = await token({ ...claims, user: id });
      // what the user's first authenticated call does: Chats only knows users with a profile
      // (from a valid user token of the same claims, so expired and workspace tokens can be tested too)
      if (!claims.workspace) await ensureUserProfile(await verifyToken(await token({ ...claims, user: id, ttl: undefined })));
      return { id, token: minted };
    },
    stop: async () => {
      await stack.stop();
      await closeServers([jwks.server]);
    },
  };
}
