import { defineOperation, results, type BinaryContent } from '../../shared/registry/types.js';
import { resourceThumbnailOrigin } from '../../shared/processing/paths.js';
import { thumbnailAnswer } from '../../shared/processing/serve-thumbnail.js';
import { revalidationHeaders, sizeSchema } from '../resource-media/schemas/thumbnail.js';
import { ressourceAccess } from './access.js';
import { feedPage } from './feed.js';
import { listRessources, type Paging } from './lists.js';
import { attachedPhoto, attachExistingPhoto, attachUploadedPhoto, photoPage, photoReference } from './photos.js';
import { publishRessource, type Audience, type PublishInput } from './publish.js';
import {
  attachPhotoRequest,
  feedPageSchema,
  listRequest,
  listWorkspaceRequest,
  pagedRequest,
  photoPageSchema,
  photoSchema,
  publishedSchema,
  publishRequest,
  publishToWorkspaceRequest,
  ressourcePageSchema,
} from './schemas.js';

const family = 'ressources';
const ressourcePath = '/ressource/{ressourceId}';
const paging = 'Newest first (ties by id). cursor: the nextCursor of the previous page (empty when hasMore is false); limit: 20 by default, at most 100.';
const readRule = 'workspace_ressources scope; owner, shared with the person, or admin of its workspace (a workspace token: its own ressources)';
const publishAnswer =
  'Answers 201 with the ressource and `upload`, the resumable upload session its bytes go to (as resource creation answers). ' +
  'privacy defaults to SELF; avatar must be an image resource the caller may use.';

interface AudienceEdge {
  kind: Audience['kind'];
  path: string;
  publishRule: string;
  listRule: string;
  publishNote: string;
  listNote: string;
}

const edges: AudienceEdge[] = [
  {
    kind: 'user',
    path: '/user/ressources',
    publishRule: 'manage_ressources scope and a token pointing to a user',
    listRule: 'workspace_ressources scope and a token pointing to a user',
    publishNote: 'Publishes a ressource to the caller: it is placed in their sorting table and owned by them.',
    listNote: 'The ressources published to the caller (their sorting table).',
  },
  {
    kind: 'workspace',
    path: '/workspace/ressources',
    publishRule: 'manage_ressources scope; an admin (room owner) of the workspace, or a token pointing to that workspace',
    listRule: 'workspace_ressources scope; a member of the workspace (admins see every ressource, members what is shared with them), or a token pointing to it',
    publishNote:
      'Publishes a ressource to `workspace` (a chats room of type workspace; a workspace token publishes to its own and may omit it): ' +
      'placed in the workspace\'s room sorting table. Published by a workspace token, it has no user owner.',
    listNote: 'The ressources attached to `workspace` (its room sorting table) the caller may see; a workspace token lists its own.',
  },
  {
    kind: 'environment',
    path: '/environment/ressources',
    publishRule: 'manage_ressources scope and a token pointing to a user',
    listRule: 'workspace_ressources scope and a token pointing to a user',
    publishNote:
      'Publishes a ressource to the environment, the caller\'s network (belonging `environment:{networkId}`); others find it there ' +
      'once its privacy shares it with them.',
    listNote: 'The ressources published to the caller\'s network that the caller may see: their own and those shared with them.',
  },
];

const audience = (kind: Audience['kind'], workspace?: string): Audience => (kind === 'workspace' ? { kind, workspace } : { kind });

const publishOperations = edges.map((edge) =>
  defineOperation<PublishInput & { workspace?: string }, unknown>({
    name: `ressource.publishTo${edge.kind[0].toUpperCase()}${edge.kind.slice(1)}`,
    family,
    summary: `Publish a ressource to ${edge.kind === 'user' ? 'the caller' : `a ${edge.kind}`} (seed 004 ${edge.path})`,
    description: `${edge.publishNote} ${publishAnswer}`,
    bindings: { http: [{ method: 'POST', path: edge.path }] },
    auth: 'required',
    workspaceTokens: true,
    permission: edge.publishRule,
    request: edge.kind === 'workspace' ? publishToWorkspaceRequest : publishRequest,
    response: publishedSchema,
    successStatus: 201,
    handler: (ctx, input) => publishRessource(ctx, audience(edge.kind, input.workspace), input),
  }),
);

const listOperations = edges.map((edge) =>
  defineOperation<Paging & { workspace?: string }, unknown>({
    name: `ressource.list${edge.kind[0].toUpperCase()}${edge.kind.slice(1)}Ressources`,
    family,
    summary: `List the ressources of ${edge.kind === 'user' ? 'the caller' : `a ${edge.kind}`} the caller may see (seed 004 ${edge.path})`,
    description: `${edge.listNote} ${paging}`,
    bindings: { http: [{ method: 'GET', path: edge.path }] },
    auth: 'required',
    workspaceTokens: true,
    permission: edge.listRule,
    request: edge.kind === 'workspace' ? listWorkspaceRequest : listRequest,
    response: ressourcePageSchema,
    handler: (ctx, input) => listRessources(ctx.principal, audience(edge.kind, input.workspace), input),
  }),
);

export const listPhotos = defineOperation<{ ressourceId: string } & Paging, unknown>({
  name: 'ressource.listPhotos',
  family,
  summary: 'The photos attached to a ressource (seed 004 edge /photos)',
  description:
    'Most recently attached first, with who attached each and when; a photo deleted since is left out. Whoever reads the ' +
    'ressource sees each photo at GET /ressource/{ressourceId}/photos/{photoId}. ' +
    paging.replace('Newest first (ties by id). ', ''),
  bindings: { http: [{ method: 'GET', path: `${ressourcePath}/photos` }] },
  auth: 'required',
  workspaceTokens: true,
  permission: readRule,
  request: pagedRequest,
  response: photoPageSchema,
  handler: async (ctx, input) => photoPage((await ressourceAccess(ctx.principal, input.ressourceId, 'read')).doc.id, input.cursor, input.limit),
});

export const attachPhoto = defineOperation<{ ressourceId: string; content?: BinaryContent; fileName?: string }, unknown>({
  name: 'ressource.attachPhoto',
  family,
  extension: true,
  summary: 'Attach a photo to a ressource: an existing image resource, or the image itself (not in seed 004)',
  description:
    'Body `{ "photo": "<resource id>" }` (Content-Type application/json) attaches an image resource ' +
    'the caller may read; any other body is the image itself, which becomes a new resource of the caller (upload session ' +
    '`uploadSession:{userId}/{ressourceId}`, processed like any upload; the `X-File-Name` header names it). 201 for a new ' +
    'photo, 200 when it was attached already; 415 when the bytes are not an image; a `photo_added` feed entry.',
  bindings: { http: [{ method: 'POST', path: `${ressourcePath}/photos` }] },
  auth: 'required',
  workspaceTokens: true,
  permission: 'as for updating: manage_ressources scope and a user token; owner, shared with WRITE permission, or admin of its workspace',
  rest: { body: 'binary', headers: { 'x-file-name': 'fileName' } },
  otherSuccessStatuses: [201],
  request: attachPhotoRequest,
  response: photoSchema,
  handler: async (ctx, input) => {
    const access = await ressourceAccess(ctx.principal, input.ressourceId, 'manage');
    const given = await photoReference(input.content);
    const result = given.photo ? await attachExistingPhoto(ctx, access, given.photo) : await attachUploadedPhoto(ctx, access, given.bytes as Buffer, input.fileName);
    return results.json(result.photo, result.created ? 201 : 200);
  },
});

export const readPhoto = defineOperation<{ ressourceId: string; photoId: string; size?: number; ifNoneMatch?: string }, unknown>({
  name: 'ressource.readPhoto',
  family,
  extension: true,
  summary: 'A photo attached to a ressource, as an image, for whoever may read the ressource (not in seed 004)',
  description:
    'The photo\'s thumbnail at `size` (default THUMBNAIL_DEFAULT_SIZE, snapped like the resource thumbnails), negotiated on Accept, ' +
    'revalidated by ETag. 404 for a photo not attached to the ressource, or one not processed yet.',
  bindings: { http: [{ method: 'GET', path: `${ressourcePath}/photos/{photoId}` }] },
  auth: 'required',
  workspaceTokens: true,
  permission: readRule,
  rest: revalidationHeaders,
  request: {
    type: 'object',
    additionalProperties: false,
    required: ['ressourceId', 'photoId'],
    properties: { ressourceId: { type: 'string', format: 'uuid' }, photoId: { type: 'string', format: 'uuid' }, size: sizeSchema, ifNoneMatch: { type: 'string' } },
  },
  response: {},
  produces: 'image/*',
  handler: async (ctx, input) => {
    const { doc } = await ressourceAccess(ctx.principal, input.ressourceId, 'read');
    const photo = await attachedPhoto(doc.id, input.photoId);
    return thumbnailAnswer(resourceThumbnailOrigin(photo.linkId ?? photo.id), { size: input.size, accept: ctx.accept, ifNoneMatch: input.ifNoneMatch }, 'photo');
  },
});

export const getFeed = defineOperation<{ ressourceId: string } & Paging, unknown>({
  name: 'ressource.getFeed',
  family,
  summary: 'The activity of a ressource (seed 004 edge /feed): created, updated, privacy changed, photos added, reactions',
  description: `Each entry says what happened (type), who (from: a user or a workspace) and when (created_time); the last one is its creation. ${paging}`,
  bindings: { http: [{ method: 'GET', path: `${ressourcePath}/feed` }] },
  auth: 'required',
  workspaceTokens: true,
  permission: readRule,
  request: pagedRequest,
  response: feedPageSchema,
  handler: async (ctx, input) => {
    const { doc, workspaceId } = await ressourceAccess(ctx.principal, input.ressourceId, 'read');
    return feedPage(doc, workspaceId, input.cursor, input.limit);
  },
});

export const edgeOperations = [...publishOperations, ...listOperations, listPhotos, attachPhoto, readPhoto, getFeed];
