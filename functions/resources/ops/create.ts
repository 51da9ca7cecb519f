import { defineOperation } from '../../../shared/registry/types.js';
import type { Placement } from '../../../shared/resources/placement.js';
import { resourceSchema } from '../../../shared/resources/schema.js';
import { uploadTargetSchema } from '../../../shared/content/upload-target.js';
import { createDirectory, createLinkResource, createResource, type CreateInput } from '../create.js';
import { createDirectoryRequest, createLinkRequest, createRequest, resourceEnvelope } from '../schemas.js';

const family = 'resources';
const resourceWithUpload = { ...resourceSchema, properties: { ...(resourceSchema.properties as object), upload: uploadTargetSchema } };
const envelopeWithUpload = { ...resourceEnvelope, properties: { ...(resourceEnvelope.properties as object), upload: uploadTargetSchema } };
const placementRule = 'authenticated user who may write the chosen belonging (own sorting table by default)';

export const createResourceHttp = defineOperation<CreateInput, unknown>({
  name: 'resource.createMetadata',
  family,
  summary: 'Create resource metadata; answers the Resource model, with `upload`: a resumable upload session for the bytes',
  description:
    'Placement: at most one of belonging, parent (directory), roomId (+ propId: a prop of the room), contributeToRoom (room sorting table), addToSortingTable; the caller\'s sorting table by default.',
  bindings: { http: [{ method: 'POST', path: '/api/v0/resource/create' }] },
  auth: 'required',
  permission: placementRule,
  restStyle: 'resource',
  request: createRequest,
  response: resourceWithUpload,
  handler: async (ctx, input) => {
    const { resource, upload } = await createResource(ctx, input);
    return { ...resource, ...(upload && { upload }) };
  },
});

export const createResourceWs = defineOperation<CreateInput, unknown>({
  name: 'resource:create',
  family,
  summary: 'Create resource; answers `{ resource, upload }` where upload is a resumable upload session for the bytes',
  bindings: { websocket: 'resource:create' },
  auth: 'required',
  permission: placementRule,
  request: createRequest,
  response: envelopeWithUpload,
  handler: (ctx, input) => createResource(ctx, input),
});

export const createDirectoryOp = defineOperation<{ title?: string; belonging?: string; networkId?: string }, unknown>({
  name: 'resource:createDirectory',
  family,
  summary: 'Create directory (data.directory keeps innerContentCount and innerContentType)',
  bindings: { websocket: 'resource:createDirectory' },
  auth: 'required',
  permission: placementRule,
  request: createDirectoryRequest,
  response: resourceEnvelope,
  handler: async (ctx, input) => ({ resource: await createDirectory(ctx, input) }),
});

export const createLinkResourceOp = defineOperation<Placement & { resource: string }, unknown>({
  name: 'resource:createLinkResource',
  family,
  summary: 'Create a resource sharing the stored bytes of one the caller may read',
  bindings: { websocket: 'resource:createLinkResource' },
  auth: 'required',
  permission: `read access to the linked resource; ${placementRule}`,
  request: createLinkRequest,
  response: resourceEnvelope,
  handler: async (ctx, input) => ({ resource: await createLinkResource(ctx, input) }),
});

export const createOperations = [createResourceHttp, createResourceWs, createDirectoryOp, createLinkResourceOp];
