import type { Principal } from '../../../shared/auth/principal.js';
import { resourceThumbnailOrigin, type ThumbnailOrigin } from '../../../shared/processing/thumbnail-paths.js';
import { thumbnailAnswer, thumbnailSignedUrl } from '../../../shared/processing/serve-thumbnail.js';
import { operation } from '../../../shared/registry/define.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { getVisibleResource } from '../../../shared/resources/repository.js';
import {
  getThumbnailUrlRequest,
  getThumbnailUrlResponse,
  imageAnswer,
  resourceThumbnailRequest,
  revalidationHeaders,
  urlAnswer,
} from '../schemas/thumbnail.js';

const permission = 'read access to the resource';

/** A link resource shows the thumbnail of the resource it points to. */
function originOf(doc: ResourceDoc): ThumbnailOrigin {
  return resourceThumbnailOrigin(doc.linkId ?? doc.id);
}

async function visibleOrigin(principal: Principal, id: string): Promise<{ doc: ResourceDoc; origin: ThumbnailOrigin }> {
  const doc = await getVisibleResource(principal, id);
  return { doc, origin: originOf(doc) };
}

export const readThumbnail = operation({
  name: 'resource.thumbnail',
  summary: 'Read resource thumbnail',
  description:
    'The thumbnail at the requested size (default THUMBNAIL_DEFAULT_SIZE), snapped to an allowed size; WebP or AVIF when Accept names them, ' +
    'otherwise JPEG (PNG for images with transparency). Sizes other than the default are made on first request and cached.',
  bindings: {
    http: [
      { method: 'GET', path: '/api/v0/resource/thumbnail/{size}/{id}' },
      { method: 'GET', path: '/api/v0/resource/thumbnail/{id}' },
    ],
  },
  permission,
  restStyle: 'resource',
  rest: revalidationHeaders,
  request: resourceThumbnailRequest,
  response: imageAnswer,
  produces: 'image/*',
}).handle(async (ctx, input) => {
  const { origin } = await visibleOrigin(ctx.principal, input.id);
  return thumbnailAnswer(origin, { size: input.size, accept: ctx.accept, ifNoneMatch: input.ifNoneMatch }, 'thumbnail');
});

export const readThumbnailUrl = operation({
  name: 'resource.thumbnailUrl',
  summary: 'Get direct thumbnail url',
  description: 'A signed Cloud Storage URL of the thumbnail (size optional, snapped like the thumbnail endpoint).',
  bindings: {
    http: [
      { method: 'GET', path: '/api/v0/resource/thumbnail/url/{size}/{id}' },
      { method: 'GET', path: '/api/v0/resource/thumbnail/url/{id}' },
    ],
  },
  permission,
  restStyle: 'resource',
  request: resourceThumbnailRequest,
  response: urlAnswer,
}).handle(async (ctx, input) => {
  const { origin } = await visibleOrigin(ctx.principal, input.id);
  return { url: await thumbnailSignedUrl(origin, { size: input.size, accept: ctx.accept }, 'thumbnail') };
});

export const getThumbnailUrl = operation({
  name: 'resource:getThumbnailUrl',
  summary: 'Get thumbnail url',
  permission,
  request: getThumbnailUrlRequest,
  response: getThumbnailUrlResponse,
}).handle(async (ctx, input) => {
  const { doc, origin } = await visibleOrigin(ctx.principal, input.resourceId);
  const url = await thumbnailSignedUrl(origin, { size: input.thumbnailSize }, 'thumbnail');
  return { url, encryptionVersion: doc.encryptionVersion, encryptionEpoch: doc.encryptionEpoch, encryptionEpk: doc.encryptionEpk };
});
