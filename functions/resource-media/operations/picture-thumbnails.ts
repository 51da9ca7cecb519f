import type { Principal } from '../../../shared/auth/principal.js';
import { pictureThumbnailOrigin, type ThumbnailOrigin } from '../../../shared/processing/thumbnail-paths.js';
import { thumbnailAnswer, thumbnailSignedUrl } from '../../../shared/processing/serve-thumbnail.js';
import { operation } from '../../../shared/registry/define.js';
import { pictureKinds, type PictureKind } from '../rules/picture-kinds.js';
import { imageAnswer, revalidationHeaders, thumbnailRequest, urlAnswer } from '../schemas/thumbnail.js';

async function originFor(picture: PictureKind, principal: Principal, id: string): Promise<ThumbnailOrigin> {
  await picture.authorize(principal, id);
  return pictureThumbnailOrigin(picture.path(id));
}

function pictureOperations(picture: PictureKind) {
  const base = `/api/v0/resource/thumbnail/${picture.kind}`;
  const what = `${picture.kind} picture`;
  const request = thumbnailRequest(picture.id);
  const read = operation({
    name: `resource.${picture.kind}Thumbnail`,
    summary: `Read ${picture.kind} thumbnail`,
    description: `The ${picture.kind}'s picture as a thumbnail (sizes and formats as the resource thumbnail); 404 when no picture is set.`,
    bindings: {
      http: [
        { method: 'GET', path: `${base}/{id}` },
        { method: 'GET', path: `${base}/size/{size}/{id}` },
      ],
    },
    permission: picture.permission,
    restStyle: 'resource',
    rest: revalidationHeaders,
    request,
    response: imageAnswer,
    produces: 'image/*',
  }).handle(async (ctx, input) => {
    const origin = await originFor(picture, ctx.principal, input.id);
    return thumbnailAnswer(origin, { size: input.size, accept: ctx.accept, ifNoneMatch: input.ifNoneMatch }, what);
  });
  const url = operation({
    name: `resource.${picture.kind}ThumbnailUrl`,
    summary: `Get ${picture.kind} thumbnail url`,
    description: `A signed Cloud Storage URL of the ${picture.kind}'s picture as a thumbnail; 404 when no picture is set.`,
    bindings: {
      http: [
        { method: 'GET', path: `${base}/url/{id}` },
        { method: 'GET', path: `${base}/url/size/{size}/{id}` },
      ],
    },
    permission: picture.permission,
    restStyle: 'resource',
    request,
    response: urlAnswer,
  }).handle(async (ctx, input) => {
    const origin = await originFor(picture, ctx.principal, input.id);
    return { url: await thumbnailSignedUrl(origin, { size: input.size, accept: ctx.accept }, what) };
  });
  return [read, url];
}

export const pictureThumbnailOperations = pictureKinds.flatMap(pictureOperations);
