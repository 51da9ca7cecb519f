import { envInt } from '../config.js';
import { payloadTooLarge } from '../errors/api-error.js';

/** Largest content a resource may hold (MAX_UPLOAD_BYTES). */
export const maxUploadBytes = (): number => envInt('MAX_UPLOAD_BYTES');

/** Lifetime of signed read URLs, in milliseconds (SIGNED_URL_TTL_SECONDS). */
export const signedUrlTtlMs = (): number => envInt('SIGNED_URL_TTL_SECONDS') * 1000;

export function contentTooLarge(maxBytes = maxUploadBytes()) {
  return payloadTooLarge(`the content is larger than the maximum of ${maxBytes} bytes (MAX_UPLOAD_BYTES)`);
}

/** A size announced before any byte is read (Content-Length, metadata.fileSize): 413 beyond the cap. */
export function assertDeclaredSize(declared: number | undefined): void {
  if (declared !== undefined && Number.isFinite(declared) && declared > maxUploadBytes()) throw contentTooLarge();
}
