import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTokenCached } from '../../shared/auth/verified-tokens.js';
import { closeServers } from '../../scripts/lib/function-host.js';
import { createIssuerKeys, issuerEnv, mintToken, serveJwks, type IssuerKeys } from '../../scripts/lib/issuer.js';

/** A verified token is remembered until it expires, never beyond, and never across a change of issuer settings. */
let keys: IssuerKeys;
let jwks: Awaited<ReturnType<typeof serveJwks>>;
beforeAll(async () => {
  keys = await createIssuerKeys();
  jwks = await serveJwks(keys);
  Object.assign(process.env, issuerEnv(jwks.url));
});
afterAll(() => closeServers([jwks.server]));

describe('verified token cache', () => {
  it('answers a verified token again from the cache, refuses expired tokens, and misses when the audience changes', async () => {
    const token = await mintToken(keys, { user: '3f1c2d9e-8a6b-4c1e-9f3a-5b7d2e4c6a80' });
    const first = await verifyTokenCached(token);
    expect(first.userId).toBe('3f1c2d9e-8a6b-4c1e-9f3a-5b7d2e4c6a80');

    const expired = await mintToken(keys, { user: '3f1c2d9e-8a6b-4c1e-9f3a-5b7d2e4c6a81', ttl: -10 });
    await expect(verifyTokenCached(expired)).rejects.toMatchObject({ status: 401 });
    await expect(verifyTokenCached(expired)).rejects.toMatchObject({ status: 401 });

    const audience = process.env.AUTH_AUDIENCE;
    process.env.AUTH_AUDIENCE = 'another-audience';
    await expect(verifyTokenCached(token)).rejects.toMatchObject({ status: 401 });
    process.env.AUTH_AUDIENCE = audience;

    // answered from the cache: the very principal the first verification made
    expect(await verifyTokenCached(token)).toBe(first);
  });
});
