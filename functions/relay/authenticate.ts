import { decodeJwt } from '../../shared/auth/decode-jwt.js';
import type { Principal } from '../../shared/auth/principal.js';
import { verifyToken } from '../../shared/auth/verify.js';

export interface SocketIdentity {
  principal: Principal;
  /** ms since epoch; Infinity for a token without `exp` */
  expiresAt: number;
}

/** The same verification as every function (JWKS, issuer, audience); throws a 401 ApiError. */
export async function authenticate(token: string): Promise<SocketIdentity> {
  const principal = await verifyToken(token);
  const exp = decodeJwt(token).exp;
  return { principal, expiresAt: exp ? exp * 1000 : Infinity };
}
