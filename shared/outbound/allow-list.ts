import { isIPv6 } from 'node:net';
import { env } from '../config.js';
import { log } from '../log.js';

interface AllowEntry {
  hostname: string;
  port: number | undefined;
}

let cached: { raw: string; entries: AllowEntry[] } | undefined;

/** True when OUTBOUND_ALLOWED_HOSTS names this host (with this port, or with no port). Read at call time. */
export function isAllowListed(hostname: string, port: number): boolean {
  const wanted = normalizeHostname(hostname);
  return allowEntries().some((entry) => entry.hostname === wanted && (entry.port === undefined || entry.port === port));
}

function allowEntries(): AllowEntry[] {
  const raw = env('OUTBOUND_ALLOWED_HOSTS') ?? '';
  if (cached?.raw !== raw) cached = { raw, entries: parseAllowList(raw) };
  return cached.entries;
}

/** Entries: `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address, separated by commas. */
export function parseAllowList(raw: string): AllowEntry[] {
  const entries: AllowEntry[] = [];
  for (const item of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const entry = parseEntry(item);
    if (entry) entries.push(entry);
    else log.warn('ignoring malformed OUTBOUND_ALLOWED_HOSTS entry', { entry: item });
  }
  return entries;
}

function parseEntry(item: string): AllowEntry | undefined {
  const authority = isIPv6(item) ? `[${item}]` : item;
  let url: URL;
  try {
    url = new URL(`http://${authority}`);
  } catch {
    return undefined;
  }
  if (url.pathname !== '/' || url.username || url.password || url.search || url.hash) return undefined;
  // The URL parser drops default ports (`host:80`), so the port is read from the entry itself.
  const port = /^(?:\[[^\]]+\]|[^:]+):(\d+)$/.exec(authority)?.[1];
  return { hostname: normalizeHostname(url.hostname), port: port === undefined ? undefined : Number(port) };
}

/** Lower case, no IPv6 brackets, no trailing root dot: the form host names are compared in. */
export function normalizeHostname(hostname: string): string {
  const unbracketed = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return unbracketed.toLowerCase().replace(/\.+$/, '');
}
