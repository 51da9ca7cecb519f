import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { forbiddenAddressReason } from './address-policy.js';
import { isAllowListed, normalizeHostname } from './allow-list.js';
import { OutboundError } from './errors.js';

/** A URL whose every address has been checked; connections must go to `addresses` only. */
export interface OutboundTarget {
  url: URL;
  /** Host name as the server should see it (Host header, TLS SNI), without IPv6 brackets. */
  hostname: string;
  port: number;
  addresses: LookupAddress[];
}

/** Names of cloud metadata servers, refused by name before any lookup. */
const forbiddenNames = new Set(['metadata.google.internal', 'metadata', 'metadata.goog']);

/** Parses and checks a URL's shape: http(s) only, a host, no credentials. */
export function checkUrl(input: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new OutboundError('bad-url', `not a valid URL: ${String(input).slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundError('bad-url', `scheme ${url.protocol} is not allowed (http and https only)`, { url: redact(url) });
  }
  if (url.username || url.password) throw new OutboundError('bad-url', 'credentials in the URL are not allowed', { url: redact(url) });
  if (!url.hostname) throw new OutboundError('bad-url', 'URL has no host', { url: redact(url) });
  return url;
}

/**
 * Resolves the URL's host and validates every address it resolves to. Only a host named by
 * OUTBOUND_ALLOWED_HOSTS may resolve to loopback, private, link-local or other special addresses.
 */
export async function resolveTarget(url: URL): Promise<OutboundTarget> {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const allowListed = isAllowListed(hostname, port);
  if (!allowListed && forbiddenNames.has(normalizeHostname(hostname))) {
    throw new OutboundError('forbidden-address', `host ${hostname} is not allowed`, { url: redact(url) });
  }
  const addresses = await resolveHost(hostname, url);
  if (!allowListed) {
    for (const { address } of addresses) {
      const reason = forbiddenAddressReason(address);
      if (reason !== undefined) {
        throw new OutboundError('forbidden-address', `host ${hostname} resolves to a forbidden ${reason}`, { url: redact(url) });
      }
    }
  }
  return { url, hostname, port, addresses };
}

async function resolveHost(hostname: string, url: URL): Promise<LookupAddress[]> {
  const family = isIP(hostname);
  if (family !== 0) return [{ address: hostname, family }];
  try {
    const addresses = await lookup(hostname, { all: true, verbatim: true });
    if (addresses.length === 0) throw new Error('no addresses');
    return addresses;
  } catch (err) {
    throw new OutboundError('network', `could not resolve host ${hostname}`, { url: redact(url), cause: err });
  }
}

/** The URL without query, fragment or credentials: safe to log (queries often carry API keys). */
export function redact(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
