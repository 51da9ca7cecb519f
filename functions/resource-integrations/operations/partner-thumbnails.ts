import { operation } from '../../../shared/registry/define.js';
import { linkThumbnailRequest, partnerThumbnailRequest, revalidation } from '../schemas/thumbnails.js';
import { partnerThumbnail } from '../thumbnails/serve.js';
import { partnerSources, type PartnerProvider } from '../thumbnails/sources.js';

const common = {
  restStyle: 'resource',
  rest: revalidation,
  response: {},
  produces: 'image/*',
} as const;

const sizesAndCaching =
  'Longest side 512 unless `size` asks otherwise (snapped to 64/128/256/512/1024/2048); WebP/AVIF when Accept names them, else JPEG (PNG with transparency); `Vary: Accept`, long `Cache-Control`, ETag revalidation. The partner is asked once: the image is kept in Cloud Storage.';

const partners: Array<{ provider: Exclude<PartnerProvider, 'link'>; title: string; what: string }> = [
  { provider: 'amazon', title: 'Read Amazon thumbnail', what: 'The Amazon product image of ASIN {id}; 404 when Amazon has none.' },
  { provider: 'youtube', title: 'Read Youtube thumbnail', what: 'The thumbnail of YouTube video {id}; 404 when YouTube has none.' },
  {
    provider: 'imdb',
    title: 'Read Imdb thumbnail',
    what: 'The OMDb poster of IMDb title {id}; 404 when the title is unknown or has no poster.',
  },
  { provider: 'pinterest', title: 'Read Pinterest thumbnail', what: 'The image of Pinterest pin {id}; 404 for an unknown pin.' },
];

const partnerOperations = partners.map(({ provider, title, what }) =>
  operation({
    ...common,
    name: `resource.${provider}Thumbnail`,
    summary: title,
    description: `${what} ${sizesAndCaching}`,
    bindings: { http: [{ method: 'GET', path: `/api/v0/resource/thumbnail/${provider}/{id}` }] },
    permission: 'authenticated user',
    request: partnerThumbnailRequest({ type: 'string', pattern: partnerSources[provider].idPattern! }),
  }).handle((ctx, input) =>
    partnerThumbnail({ provider, id: input.id, size: input.size, accept: ctx.accept, ifNoneMatch: input.ifNoneMatch }),
  ),
);

const linkThumbnail = operation({
  ...common,
  name: 'resource.linkThumbnail',
  summary: 'Read link thumbnail',
  description: `The preview image of the web page at \`url\` (its og:image, else its icon; an image URL is its own). 400 for a URL that may not be fetched, 422 when the page or image cannot be read, 404 when the page has no image. ${sizesAndCaching}`,
  bindings: { http: [{ method: 'GET', path: '/api/v0/resource/thumbnail/link' }] },
  permission: 'authenticated user',
  request: linkThumbnailRequest,
}).handle((ctx, input) =>
  partnerThumbnail({ provider: 'link', id: input.url, size: input.size, accept: ctx.accept, ifNoneMatch: input.ifNoneMatch }),
);

export const partnerThumbnailOperations = [...partnerOperations, linkThumbnail];
