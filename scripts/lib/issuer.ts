import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

/** The local stack's own token issuer: an ES256 key pair, a JWKS on loopback, and a minting function. */
export const LOCAL_ISSUER = 'http://127.0.0.1/local-issuer';
export const LOCAL_AUDIENCE = 'local-stack';
const KID = 'local-1';

export interface IssuerKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function createIssuerKeys(): Promise<IssuerKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: KID, alg: 'ES256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'ES256', use: 'sig' };
  return { privateJwk, publicJwk };
}

/** Keys kept in the git-ignored state folder, so tokens minted by `npm run token` stay valid across restarts. */
export async function loadOrCreateIssuerKeys(stateDir: string): Promise<IssuerKeys> {
  const file = join(stateDir, 'issuer-keys.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as IssuerKeys;
  } catch {
    const keys = await createIssuerKeys();
    await mkdir(stateDir, { recursive: true });
    await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
    return keys;
  }
}

export async function readIssuerKeys(stateDir: string): Promise<IssuerKeys> {
  const file = join(stateDir, 'issuer-keys.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as IssuerKeys;
  } catch {
    throw new Error(`no local issuer keys in ${file}: start the local stack once with npm start`);
  }
}

export interface TokenClaims {
  user: string;
  name?: string;
  email?: string;
  scope?: string;
  admin?: boolean;
  networkId?: string;
  /** a token pointing to a workspace (seed 004): `sub` is then the workspace id */
  workspace?: boolean;
  /** lifetime in seconds (default 12 h) */
  ttl?: number;
}

export async function mintToken(keys: IssuerKeys, claims: TokenClaims): Promise<string> {
  const key = await importJWK(keys.privateJwk, 'ES256');
  const payload: Record<string, unknown> = {};
  if (claims.name) payload.name = claims.name;
  if (claims.email) payload.email = claims.email;
  if (claims.scope) payload.scope = claims.scope;
  if (claims.admin) payload.admin = true;
  if (claims.networkId) payload.networkId = claims.networkId;
  if (claims.workspace) payload.tokenType = 'workspace';
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: KID, typ: 'JWT' })
    .setSubject(claims.user)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${claims.ttl ?? 12 * 3600}s`)
    .sign(key);
}

/** Serves `/.well-known/jwks.json` on 127.0.0.1; answers the URL to put in AUTH_JWKS_URL. */
export async function serveJwks(keys: IssuerKeys, port = 0): Promise<{ url: string; server: Server }> {
  const body = JSON.stringify({ keys: [keys.publicJwk] });
  const server = createServer((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=60' }).end(body);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}/.well-known/jwks.json`, server };
}

/** The environment that makes functions trust this issuer. */
export function issuerEnv(jwksUrl: string): Record<string, string> {
  return { AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: LOCAL_ISSUER, AUTH_AUDIENCE: LOCAL_AUDIENCE };
}
