import { decodeJwt as joseDecodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../shared/auth/decode-jwt.js';
import { createIssuerKeys, mintToken } from '../../scripts/lib/issuer.js';

describe('decodeJwt without jose', () => {
  it('reads the claims jose reads from a signed token', async () => {
    const token = await mintToken(await createIssuerKeys(), { user: '3f1c2d9e-8a6b-4c1e-9f3a-5b7d2e4c6a80', name: 'Ada Lovelace' });
    expect(decodeJwt(token)).toEqual(joseDecodeJwt(token));
    expect(decodeJwt(token).exp).toBeGreaterThan(Date.now() / 1000);
  });

  it('refuses what jose refuses', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of [
      '',
      'a.b',
      'x.y.z.w',
      `e30.${b64([1])}.s`,
      `e30.${b64('s')}.s`,
      `e30.${b64(null)}.s`,
      'e30.!!!.s',
      `e30.${Buffer.from('{').toString('base64url')}.s`,
    ]) {
      expect(() => joseDecodeJwt(bad), bad).toThrow();
      expect(() => decodeJwt(bad), bad).toThrow(TypeError);
    }
  });
});
