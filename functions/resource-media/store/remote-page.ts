import {
  classifyRemoteUrl,
  getPageInfo,
  isOutboundError,
  outboundToApiError,
  type PageInfo,
  type RemoteUrlContentType,
} from '../../../shared/outbound/index.js';
import { assertHttpUrl } from '../../../shared/processing/remote-url.js';
import type { OperationContext } from '../../../shared/registry/types.js';

const STREAMING_URL_TYPES = /^(hls|dash)$/i;

/**
 * What the URL is: a streaming manifest when the client says so (never fetched), otherwise what it
 * answers. A URL whose address is refused is a 400; a page that cannot be read is still a link.
 */
export async function describeRemoteUrl(
  ctx: OperationContext,
  input: { url: string; urlType?: string },
): Promise<{ contentType: RemoteUrlContentType; info?: PageInfo }> {
  if (input.urlType && STREAMING_URL_TYPES.test(input.urlType)) {
    assertHttpUrl(input.url);
    return { contentType: 'remote#video' };
  }
  try {
    const info = await getPageInfo(input.url);
    return { contentType: classifyRemoteUrl(info.contentType), info };
  } catch (error) {
    if (isOutboundError(error, 'bad-url') || isOutboundError(error, 'forbidden-address'))
      throw outboundToApiError(error, { subject: 'url', userSupplied: true });
    if (!isOutboundError(error)) throw error;
    ctx.log.info('remote url kept as a plain link: it could not be read', { kind: error.kind, message: error.message });
    return { contentType: 'roomful#url' };
  }
}
