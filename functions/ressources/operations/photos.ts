import { ressourceAccess } from '../../../shared/access/ressources.js';
import { resourceThumbnailOrigin } from '../../../shared/processing/thumbnail-paths.js';
import { thumbnailAnswer } from '../../../shared/processing/serve-thumbnail.js';
import { operation } from '../../../shared/registry/define.js';
import { results } from '../../../shared/registry/types.js';
import { revalidationHeaders, sizeSchema } from '../../resource-media/schemas/thumbnail.js';
import { photoReference } from '../rules/photo-body.js';
import { pagingNote, readRule, ressourcePath } from '../schemas/docs.js';
import { attachPhotoRequest, pagedRequest, photoPageSchema, photoSchema } from '../schemas/ressource.js';
import { attachedPhoto, attachExistingPhoto, attachUploadedPhoto, photoPage } from '../store/photos.js';

export const listPhotos = operation({
  name: 'ressource.listPhotos',
  summary: 'The photos attached to a ressource (seed 004 edge /photos)',
  description:
    'Most recently attached first, with who attached each and when; a photo deleted since is left out. Whoever reads the ' +
    'ressource sees each photo at GET /ressource/{ressourceId}/photos/{photoId}. ' +
    pagingNote.replace('Newest first (ties by id). ', ''),
  bindings: { http: [{ method: 'GET', path: `${ressourcePath}/photos` }] },
  workspaceTokens: true,
  permission: readRule,
  request: pagedRequest,
  response: photoPageSchema,
}).handle(async (ctx, input) =>
  photoPage((await ressourceAccess(ctx.principal, input.ressourceId, 'read')).doc.id, input.cursor, input.limit),
);

export const attachPhoto = operation({
  name: 'ressource.attachPhoto',
  extension: true,
  summary: 'Attach a photo to a ressource: an existing image resource, or the image itself (not in seed 004)',
  description:
    'Body `{ "photo": "<resource id>" }` (Content-Type application/json) attaches an image resource ' +
    'the caller may read; any other body is the image itself, which becomes a new resource of the caller (upload session ' +
    '`uploadSession:{userId}/{ressourceId}`, processed like any upload; the `X-File-Name` header names it). 201 for a new ' +
    'photo, 200 when it was attached already; 415 when the bytes are not an image; a `photo_added` feed entry.',
  bindings: { http: [{ method: 'POST', path: `${ressourcePath}/photos` }] },
  workspaceTokens: true,
  permission: 'as for updating: manage_ressources scope and a user token; owner, shared with WRITE permission, or admin of its workspace',
  rest: { body: 'binary', headers: { 'x-file-name': 'fileName' } },
  otherSuccessStatuses: [201],
  request: attachPhotoRequest,
  response: photoSchema,
}).handle(async (ctx, input) => {
  const access = await ressourceAccess(ctx.principal, input.ressourceId, 'manage');
  const given = await photoReference(input.content);
  const result = given.photo
    ? await attachExistingPhoto(ctx, access, given.photo)
    : await attachUploadedPhoto(ctx, access, given.bytes as Buffer, input.fileName);
  return results.json(result.photo, result.created ? 201 : 200);
});

export const readPhoto = operation({
  name: 'ressource.readPhoto',
  extension: true,
  summary: 'A photo attached to a ressource, as an image, for whoever may read the ressource (not in seed 004)',
  description:
    "The photo's thumbnail at `size` (default THUMBNAIL_DEFAULT_SIZE, snapped like the resource thumbnails), negotiated on Accept, " +
    'revalidated by ETag. 404 for a photo not attached to the ressource, or one not processed yet.',
  bindings: { http: [{ method: 'GET', path: `${ressourcePath}/photos/{photoId}` }] },
  workspaceTokens: true,
  permission: readRule,
  rest: revalidationHeaders,
  request: {
    type: 'object',
    additionalProperties: false,
    required: ['ressourceId', 'photoId'],
    properties: {
      ressourceId: { type: 'string', format: 'uuid' },
      photoId: { type: 'string', format: 'uuid' },
      size: sizeSchema,
      ifNoneMatch: { type: 'string' },
    },
  },
  response: {},
  produces: 'image/*',
}).handle(async (ctx, input) => {
  const { doc } = await ressourceAccess(ctx.principal, input.ressourceId, 'read');
  const photo = await attachedPhoto(doc.id, input.photoId);
  return thumbnailAnswer(
    resourceThumbnailOrigin(photo.linkId ?? photo.id),
    { size: input.size, accept: ctx.accept, ifNoneMatch: input.ifNoneMatch },
    'photo',
  );
});
