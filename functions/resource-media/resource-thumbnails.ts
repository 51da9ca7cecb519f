import type { Principal } from '../../shared/auth/principal.js';
import { resourceThumbnailOrigin, type ThumbnailOrigin } from '../../shared/processing/thumbnail-paths.js';
import { thumbnailAnswer, thumbnailSignedUrl } from '../../shared/processing/serve-thumbnail.js';
import { defineOperation } from '../../shared/registry/types.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { getVisibleResource } from '../../shared/resources/repository.js';
import { idSchema } from '../../shared/resources/schema.js';
import { resourceThumbnailRequest, revalidationHeaders, sizeSchema, urlAnswer } from './schemas.js';

const family = 'resource-media';
const permission = 'read access to the resource';

interface ThumbnailInput {
  id: string;
  size?: number;
  ifNoneMatch?: string;
}

/** A link resource shows the thumbnail of the resource it points to. */
function originOf(doc: ResourceDoc): ThumbnailOrigin {
  return resourceThumbnailOrigin(doc.linkId ?? doc.id);
}

async function visibleOrigin(principal: Principal, id: string): Promise<{ doc: ResourceDoc; origin: ThumbnailOrigin }> {
  const doc = await getVisibleResource(principal, id);
  return { doc, origin: originOf(doc) };
}

export const readThumbnail = defineOperation<ThumbnailInput, unknown>({
  name: 'resource.thumbnail',
  family,
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
  auth: 'required',
  permission,
  restStyle: 'resource',
  rest: revalidationHeaders,
  request: resourceThumbnailRequest,
  response: {},
  produces: 'image/*',
  handler: async (ctx, input) => {
    const { origin } = await visibleOrigin(ctx.principal, input.id);
    return thumbnailAnswer(origin, { size: input.size, accept: ctx.accept, ifNoneMatch: input.ifNoneMatch }, 'thumbnail');
  },
});

export const readThumbnailUrl = defineOperation<ThumbnailInput, unknown>({
  name: 'resource.thumbnailUrl',
  family,
  summary: 'Get direct thumbnail url',
  description: 'A signed Cloud Storage URL of the thumbnail (size optional, snapped like the thumbnail endpoint).',
  bindings: {
    http: [
      { method: 'GET', path: '/api/v0/resource/thumbnail/url/{size}/{id}' },
      { method: 'GET', path: '/api/v0/resource/thumbnail/url/{id}' },
    ],
  },
  auth: 'required',
  permission,
  restStyle: 'resource',
  request: resourceThumbnailRequest,
  response: urlAnswer,
  handler: async (ctx, input) => {
    const { origin } = await visibleOrigin(ctx.principal, input.id);
    return { url: await thumbnailSignedUrl(origin, { size: input.size, accept: ctx.accept }, 'thumbnail') };
  },
});

const encryptionFields = {
  encryptionVersion: { type: 'string' },
  encryptionEpoch: { type: 'integer' },
  encryptionEpk: { type: 'string' },
} as const;

export const getThumbnailUrl = defineOperation<{ resourceId: string; thumbnailSize?: number }, unknown>({
  name: 'resource:getThumbnailUrl',
  family,
  summary: 'Get thumbnail url',
  bindings: { websocket: 'resource:getThumbnailUrl' },
  auth: 'required',
  permission,
  request: {
    type: 'object',
    additionalProperties: false,
    required: ['resourceId'],
    properties: { resourceId: idSchema, thumbnailSize: sizeSchema },
  },
  response: { type: 'object', required: ['url'], properties: { url: { type: 'string' }, ...encryptionFields } },
  handler: async (ctx, input) => {
    const { doc, origin } = await visibleOrigin(ctx.principal, input.resourceId);
    const url = await thumbnailSignedUrl(origin, { size: input.thumbnailSize }, 'thumbnail');
    return { url, encryptionVersion: doc.encryptionVersion, encryptionEpoch: doc.encryptionEpoch, encryptionEpk: doc.encryptionEpk };
  },
});
