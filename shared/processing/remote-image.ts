import { envInt } from '../config.js';
import { OutboundError, safeFetch } from '../outbound/index.js';
import { PermanentJobError } from './errors.js';

/** Outbound failures a later attempt may not repeat; every other one is final for the job. */
export function isTransientOutbound(error: OutboundError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http-error' && (error.status === undefined || error.status >= 500 || error.status === 408 || error.status === 429);
}

/**
 * Downloads a remote image through the outbound module (SSRF checks on every hop, size cap
 * REMOTE_IMAGE_MAX_BYTES). A refused address, a 4xx or an oversize answer fail the job for good;
 * network trouble, timeouts and 5xx are retried.
 */
export async function downloadRemote(url: string, purpose: string): Promise<Buffer> {
  try {
    const answer = await safeFetch(url, {
      purpose,
      maxBytes: envInt('REMOTE_IMAGE_MAX_BYTES'),
      throwOnHttpError: true,
      headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8,*/*;q=0.5' },
    });
    return answer.body;
  } catch (error) {
    if (error instanceof OutboundError && !isTransientOutbound(error))
      throw new PermanentJobError(`the remote image could not be fetched: ${error.message}`);
    throw error;
  }
}
