import { defineOperation } from '../../shared/registry/types.js';
import { toClientResource } from '../../shared/resources/model.js';
import { getVisibleResource } from '../../shared/resources/repository.js';
import { resourceSchema } from '../../shared/resources/schema.js';
import { createResource, type CreateInput } from './create.js';
import { createRequest, getRequest, infoRequest, resourceEnvelope } from './schemas.js';

const family = 'resources';

export const createResourceHttp = defineOperation<CreateInput, unknown>({
  name: 'resource.createMetadata',
  family,
  summary: 'Create resource metadata; answers the Resource model',
  bindings: { http: [{ method: 'POST', path: '/api/v0/resource/create' }] },
  auth: 'required',
  permission: 'authenticated user; writes to the chosen belonging',
  restStyle: 'resource',
  request: createRequest,
  response: resourceSchema,
  handler: (ctx, input) => createResource(ctx, input),
});

export const createResourceWs = defineOperation<CreateInput, unknown>({
  name: 'resource:create',
  family,
  summary: 'Create resource',
  bindings: { websocket: 'resource:create' },
  auth: 'required',
  permission: 'authenticated user; writes to the chosen belonging',
  request: createRequest,
  response: resourceEnvelope,
  handler: async (ctx, input) => ({ resource: await createResource(ctx, input) }),
});

export const getResource = defineOperation<{ resource: string }, unknown>({
  name: 'resource:get',
  family,
  summary: 'Get resource metadata (falls back to the default network)',
  bindings: { websocket: 'resource:get' },
  auth: 'required',
  permission: 'read access to the resource',
  request: getRequest,
  response: resourceEnvelope,
  handler: async (ctx, input) => ({ resource: toClientResource(await getVisibleResource(ctx.principal, input.resource)) }),
});

export const resourceInfo = defineOperation<{ resourceId: string }, unknown>({
  name: 'resource.info',
  family,
  summary: 'Resource info (deprecated JSON-RPC; token in X-Session-Id)',
  deprecated: true,
  replacedBy: 'resource:get',
  bindings: { jsonRpc: '/api/v0/rpc/resource.info' },
  auth: 'required',
  permission: 'read access to the resource',
  request: infoRequest,
  response: resourceEnvelope,
  handler: async (ctx, input) => ({ resource: toClientResource(await getVisibleResource(ctx.principal, input.resourceId)) }),
});
