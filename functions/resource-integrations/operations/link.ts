import { getPageInfo, outboundToApiError } from '../../../shared/outbound/index.js';
import { operation } from '../../../shared/registry/define.js';
import { linkInfoAnswer, linkInfoRequest } from '../schemas/link.js';

export const linkInfo = operation({
  name: 'link:info',
  summary: 'Info link',
  description:
    'Title, description and preview image of a web page (or that the URL is an image). `url` is where the page ended up after redirects; `thumbnail` is its og:image, else its icon. 400 for a URL that may not be fetched (private, loopback, metadata addresses), 422 when the page cannot be read.',
  permission: 'authenticated user',
  request: linkInfoRequest,
  response: linkInfoAnswer,
}).handle(async (_ctx, input) => {
  try {
    const page = await getPageInfo(input.url);
    const thumbnail = page.isImage ? page.url : (page.image ?? page.favicon);
    return {
      url: page.url,
      isImage: page.isImage,
      ...(page.title ? { title: page.title } : {}),
      ...(page.description ? { description: page.description } : {}),
      ...(thumbnail ? { thumbnail } : {}),
    };
  } catch (err) {
    throw outboundToApiError(err, { userSupplied: true, subject: 'url' });
  }
});
