import { isVideoHostUrl } from '../../../shared/content/video-hosts.js';
import { badRequest } from '../../../shared/errors/api-error.js';
import { env } from '../../../shared/config.js';

/** The URL a client asked to proxy: 400 unless it is an http(s) URL on a video host. */
export function parseVideoUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('url is not a valid URL');
  }
  if (!isVideoHostUrl(url))
    throw badRequest(`url must be an http(s) URL on a host ending with ${env('YOUTUBE_PROXY_HOSTS') ?? ''} (YOUTUBE_PROXY_HOSTS)`);
  return url;
}
