import { outboundToApiError } from '../outbound/index.js';
import { checkUrl, resolveTarget } from '../outbound/target.js';

/**
 * Refuses, before anything is created, a user-given URL the server will later fetch: a non-http(s)
 * URL, or a host resolving to a loopback, private, link-local or metadata address (400). The
 * download itself checks again, on every redirect hop.
 */
export async function assertFetchableUrl(url: string, subject = 'url'): Promise<void> {
  try {
    await resolveTarget(checkUrl(url));
  } catch (error) {
    throw outboundToApiError(error, { subject, userSupplied: true });
  }
}

/** A URL's shape only (http or https, a host, no credentials), for URLs the server never fetches. */
export function assertHttpUrl(url: string, subject = 'url'): void {
  try {
    checkUrl(url);
  } catch (error) {
    throw outboundToApiError(error, { subject, userSupplied: true });
  }
}
