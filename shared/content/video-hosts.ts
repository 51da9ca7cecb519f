import { env } from '../config.js';
import { normalizeHostname } from '../outbound/allow-list.js';

/** The hosts of YOUTUBE_PROXY_HOSTS, normalised. */
function videoHosts(): string[] {
  return (env('YOUTUBE_PROXY_HOSTS') ?? '')
    .split(',')
    .map((host) => normalizeHostname(host.trim()))
    .filter(Boolean);
}

/**
 * Whether the YouTube proxy may fetch from `url`: http(s), and a host equal to one of
 * YOUTUBE_PROXY_HOSTS or below it at a label boundary (`r3---sn-x.googlevideo.com` yes,
 * `evilgooglevideo.com` no).
 */
export function isVideoHostUrl(url: URL, hosts: string[] = videoHosts()): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = normalizeHostname(url.hostname);
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
