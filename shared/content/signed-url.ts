import { bucket } from '../gcp/clients.js';
import { signedUrlTtlMs } from './limits.js';
import type { ObjectInfo } from '../gcp/storage-objects.js';

export interface SignedUrl {
  url: string;
  /** ms since the epoch */
  expiresAt: number;
}

/**
 * A V4 signed GET URL of one object, valid SIGNED_URL_TTL_SECONDS. `disposition` becomes the
 * `response-content-disposition` the bucket answers with.
 */
export async function signedReadUrl(object: Pick<ObjectInfo, 'path'>, disposition?: string): Promise<SignedUrl> {
  const expiresAt = Date.now() + signedUrlTtlMs();
  const [url] = await bucket()
    .file(object.path)
    .getSignedUrl({ version: 'v4', action: 'read', expires: expiresAt, ...(disposition ? { responseDisposition: disposition } : {}) });
  return { url, expiresAt };
}
