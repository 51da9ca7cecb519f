import { StoragePaths } from '../../shared/data-layout.js';
import { pictureThumbnailOrigin, type ThumbnailOrigin } from '../../shared/processing/thumbnail-paths.js';
import { getRoomForMember } from '../../shared/access/rooms.js';
import { thumbnailAnswer, thumbnailSignedUrl } from '../../shared/processing/serve-thumbnail.js';
import type { Principal } from '../../shared/auth/principal.js';
import { defineOperation, type AnyOperation, type JsonSchema } from '../../shared/registry/types.js';
import { idSchema } from '../../shared/resources/schema.js';
import { networkIdSchema, revalidationHeaders, thumbnailRequest, urlAnswer } from './schemas.js';

const family = 'resource-media';

interface PictureInput {
  id: string;
  size?: number;
  ifNoneMatch?: string;
}

/** The pictures of users, rooms and networks, read as thumbnails (seed 000's `/thumbnail/{kind}/...` endpoints). */
interface PictureKind {
  kind: 'user' | 'room' | 'network';
  id: JsonSchema;
  permission: string;
  /** Throws a 404 when the caller may not see the owner's picture. */
  authorize(principal: Principal, id: string): Promise<void>;
  path(id: string): string;
}

const kinds: PictureKind[] = [
  { kind: 'user', id: idSchema, permission: 'authenticated user', authorize: async () => undefined, path: StoragePaths.userPicture },
  {
    kind: 'room',
    id: idSchema,
    permission: 'member of the room',
    authorize: async (principal, id) => void (await getRoomForMember(id, principal.userId, { hideFromNonMembers: true })),
    path: StoragePaths.roomPicture,
  },
  { kind: 'network', id: networkIdSchema, permission: 'authenticated user', authorize: async () => undefined, path: StoragePaths.networkPicture },
];

async function originFor(picture: PictureKind, principal: Principal, id: string): Promise<ThumbnailOrigin> {
  await picture.authorize(principal, id);
  return pictureThumbnailOrigin(picture.path(id));
}

function pictureOperations(picture: PictureKind): AnyOperation[] {
  const base = `/api/v0/resource/thumbnail/${picture.kind}`;
  const what = `${picture.kind} picture`;
  const request = thumbnailRequest(picture.id);
  const read = defineOperation<PictureInput, unknown>({
    name: `resource.${picture.kind}Thumbnail`,
    family,
    summary: `Read ${picture.kind} thumbnail`,
    description: `The ${picture.kind}'s picture as a thumbnail (sizes and formats as the resource thumbnail); 404 when no picture is set.`,
    bindings: {
      http: [
        { method: 'GET', path: `${base}/{id}` },
        { method: 'GET', path: `${base}/size/{size}/{id}` },
      ],
    },
    auth: 'required',
    permission: picture.permission,
    restStyle: 'resource',
    rest: revalidationHeaders,
    request,
    response: {},
    produces: 'image/*',
    handler: async (ctx, input) => {
      const origin = await originFor(picture, ctx.principal, input.id);
      return thumbnailAnswer(origin, { size: input.size, accept: ctx.accept, ifNoneMatch: input.ifNoneMatch }, what);
    },
  });
  const url = defineOperation<PictureInput, unknown>({
    name: `resource.${picture.kind}ThumbnailUrl`,
    family,
    summary: `Get ${picture.kind} thumbnail url`,
    description: `A signed Cloud Storage URL of the ${picture.kind}'s picture as a thumbnail; 404 when no picture is set.`,
    bindings: {
      http: [
        { method: 'GET', path: `${base}/url/{id}` },
        { method: 'GET', path: `${base}/url/size/{size}/{id}` },
      ],
    },
    auth: 'required',
    permission: picture.permission,
    restStyle: 'resource',
    request,
    response: urlAnswer,
    handler: async (ctx, input) => {
      const origin = await originFor(picture, ctx.principal, input.id);
      return { url: await thumbnailSignedUrl(origin, { size: input.size, accept: ctx.accept }, what) };
    },
  });
  return [read, url];
}

export const pictureThumbnailOperations: AnyOperation[] = kinds.flatMap(pictureOperations);
