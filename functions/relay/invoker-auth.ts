import { decodeJwt } from '../../shared/auth/decode-jwt.js';
import { requireEnv } from '../../shared/config.js';

/** Renew an ID token this long before it expires. */
const MARGIN_MS = 5 * 60_000;

interface Cached {
  token: string;
  expiresAt: number;
}

/**
 * ID tokens of the relay's service account for a function's URL, from the metadata server
 * (GCE_METADATA_HOST), cached until shortly before they expire. Used only with
 * RELAY_INVOKER_AUTH=metadata, i.e. on Cloud Run.
 */
export function metadataIdTokens(): (audience: string) => Promise<string> {
  const cache = new Map<string, Cached>();
  const pending = new Map<string, Promise<string>>();

  const fetchToken = async (audience: string): Promise<string> => {
    const url = `http://${requireEnv('GCE_METADATA_HOST')}/computeMetadata/v1/instance/service-accounts/default/identity?audience=${encodeURIComponent(audience)}&format=full`;
    const res = await fetch(url, { headers: { 'Metadata-Flavor': 'Google' }, signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`metadata server answered ${res.status} for an ID token`);
    const token = (await res.text()).trim();
    const exp = decodeJwt(token).exp;
    cache.set(audience, { token, expiresAt: exp ? exp * 1000 : Date.now() + 10 * 60_000 });
    return token;
  };

  return async (audience) => {
    const cached = cache.get(audience);
    if (cached && cached.expiresAt - MARGIN_MS > Date.now()) return cached.token;
    let request = pending.get(audience);
    if (!request) {
      request = fetchToken(audience).finally(() => pending.delete(audience));
      pending.set(audience, request);
    }
    return request;
  };
}
