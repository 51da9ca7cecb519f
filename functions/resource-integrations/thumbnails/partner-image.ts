/** Fetches a partner's image through the outbound module, with the partner image size cap. */
import { envInt } from '../../../shared/config.js';
import { ApiError, notFound } from '../../../shared/errors/api-error.js';
import { isOutboundError, outboundToApiError, safeFetch } from '../../../shared/outbound/index.js';
import type { PartnerProvider } from './sources.js';

export async function fetchPartnerImage(provider: PartnerProvider, url: string, userSupplied: boolean): Promise<Buffer> {
  const maxBytes = envInt('PARTNER_IMAGE_MAX_BYTES');
  try {
    const answer = await safeFetch(url, {
      purpose: `${provider}-thumbnail`,
      maxBytes,
      throwOnHttpError: true,
      headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8' },
    });
    return answer.body;
  } catch (err) {
    if (!isOutboundError(err)) throw err;
    if (err.kind === 'http-error' && (err.status === 404 || err.status === 410)) throw notFound(`${provider} thumbnail`);
    if (err.kind === 'too-large') throw new ApiError(422, `the ${provider} image is larger than ${maxBytes} bytes`);
    if (userSupplied) throw outboundToApiError(err, { userSupplied: true, subject: 'image url' });
    throw new ApiError(
      503,
      `the ${provider} image host is unavailable (${err.kind === 'http-error' ? `it answered ${err.status}` : err.kind})`,
    );
  }
}
