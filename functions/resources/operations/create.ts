import { operation } from '../../../shared/registry/define.js';
import { createDirectory, createLinkResource, createResource } from '../store/create.js';
import {
  createDirectoryRequest,
  createLinkRequest,
  createRequest,
  envelopeWithUpload,
  resourceEnvelope,
  resourceWithUpload,
} from '../schemas/resource.js';
const placementRule = 'authenticated user who may write the chosen belonging (own sorting table by default)';

export const createResourceHttp = operation({
  name: 'resource.createMetadata',
  summary: 'Create resource metadata; answers the Resource model, with `upload`: a resumable upload session for the bytes',
  description:
    "Placement: at most one of belonging, parent (directory), roomId (+ propId: a prop of the room), contributeToRoom (room sorting table), addToSortingTable; the caller's sorting table by default.",
  bindings: { http: [{ method: 'POST', path: '/api/v0/resource/create' }] },
  permission: placementRule,
  restStyle: 'resource',
  request: createRequest,
  response: resourceWithUpload,
}).handle(async (ctx, input) => {
  const { resource, upload } = await createResource(ctx, input);
  return { ...resource, ...(upload && { upload }) };
});

export const createResourceWs = operation({
  name: 'resource:create',
  summary: 'Create resource; answers `{ resource, upload }` where upload is a resumable upload session for the bytes',
  permission: placementRule,
  request: createRequest,
  response: envelopeWithUpload,
}).handle((ctx, input) => createResource(ctx, input));

export const createDirectoryOp = operation({
  name: 'resource:createDirectory',
  summary: 'Create directory (data.directory keeps innerContentCount and innerContentType)',
  permission: placementRule,
  request: createDirectoryRequest,
  response: resourceEnvelope,
}).handle(async (ctx, input) => ({ resource: await createDirectory(ctx, input) }));

export const createLinkResourceOp = operation({
  name: 'resource:createLinkResource',
  summary: 'Create a resource sharing the stored bytes of one the caller may read',
  permission: `read access to the linked resource; ${placementRule}`,
  request: createLinkRequest,
  response: resourceEnvelope,
}).handle(async (ctx, input) => ({ resource: await createLinkResource(ctx, input) }));
