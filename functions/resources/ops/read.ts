import { defineOperation } from '../../../shared/registry/types.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { countReactions } from '../../../shared/resources/reaction-count.js';
import { getInNetwork, listParentDirectories, publicMusic, subscribeToResource } from '../read.js';
import { listBelonging, searchBelonging, unsubscribeFromBelonging, type SearchInput } from '../search.js';
import {
  belongingRequest,
  empty,
  fromNetworkRequest,
  getRequest,
  infoRequest,
  listBelongingRequest,
  resourceEnvelope,
  resourceIdRequest,
  resourceList,
  searchRequest,
  searchResponse,
  subscribeRequest,
} from '../schemas.js';

const family = 'resources';
const readRule = 'read access to the resource (owner, or reader of its belonging)';

export const getResource = defineOperation<{ resource: string }, unknown>({
  name: 'resource:get',
  family,
  summary: "Get resource metadata from the caller's network, else from the default network",
  bindings: { websocket: 'resource:get' },
  auth: 'required',
  permission: readRule,
  request: getRequest,
  response: resourceEnvelope,
  handler: async (ctx, input) => {
    // the count needs only the id: it runs alongside the read and its access check, and is dropped when they refuse
    const count = countReactions(input.resource);
    count.catch(() => undefined);
    const doc = await getInNetwork(ctx.principal, input.resource, ctx.principal.networkId);
    return { resource: toClientResource({ ...doc, totalReactions: await count }) };
  },
});

export const resourceInfo = defineOperation<{ resourceId: string }, unknown>({
  name: 'resource.info',
  family,
  summary: 'Resource info (deprecated JSON-RPC; token in X-Session-Id)',
  deprecated: true,
  replacedBy: 'resource:get',
  bindings: { jsonRpc: '/api/v0/rpc/resource.info' },
  auth: 'required',
  permission: readRule,
  request: infoRequest,
  response: resourceEnvelope,
  handler: async (ctx, input) => ({ resource: toClientResource(await getInNetwork(ctx.principal, input.resourceId, ctx.principal.networkId)) }),
});

export const getResourceFromNetwork = defineOperation<{ resourceId: string; networkId: string }, unknown>({
  name: 'resource:getResourceFromNetwork',
  family,
  summary: 'Get resource from network (deprecated: resource:get)',
  deprecated: true,
  replacedBy: 'resource:get',
  bindings: { websocket: 'resource:getResourceFromNetwork' },
  auth: 'required',
  permission: readRule,
  request: fromNetworkRequest,
  response: resourceEnvelope,
  handler: async (ctx, input) => ({ resource: toClientResource(await getInNetwork(ctx.principal, input.resourceId, input.networkId)) }),
});

export const listParentDirectoriesOp = defineOperation<{ resourceId: string }, unknown>({
  name: 'resource:listParentDirectories',
  family,
  summary: 'Parent directories of a resource, from the top one down',
  bindings: { websocket: 'resource:listParentDirectories' },
  auth: 'required',
  permission: readRule,
  request: resourceIdRequest,
  response: resourceList,
  handler: async (ctx, input) => ({ resources: await listParentDirectories(ctx.principal, input.resourceId) }),
});

export const searchBelongingOp = defineOperation<SearchInput, unknown>({
  name: 'resource:searchBelonging',
  family,
  summary: 'Page through a belonging, optionally by words of title and description; joins directory and community channels, and the room channel of a room',
  description:
    'Newest first (ties by id). query: every word must start a word of the title or description (case-insensitive). cursor: the nextCursor of the previous page (empty when hasMore is false). limit: 20 by default, at most 100. Over WebSocket the socket joins belonging:{belonging} of a directory or community, and room:{roomId} (reaction events) for room:{roomId}, a prop in it, or roomProps:{roomId}; resource:unsubscribeFromBelonging leaves them.',
  bindings: { websocket: 'resource:searchBelonging' },
  auth: 'required',
  permission: 'read access to the belonging',
  request: searchRequest,
  response: searchResponse,
  handler: (ctx, input) => searchBelonging(ctx, input),
});

export const listBelongingOp = defineOperation<{ belonging: string; offset: number; size: number }, unknown>({
  name: 'resource:listBelonging',
  family,
  summary: 'List belonging resources by offset (deprecated: resource:searchBelonging)',
  deprecated: true,
  replacedBy: 'resource:searchBelonging',
  bindings: { websocket: 'resource:listBelonging' },
  auth: 'required',
  permission: 'read access to the belonging',
  request: listBelongingRequest,
  response: resourceList,
  handler: (ctx, input) => listBelonging(ctx, input),
});

export const unsubscribeFromBelongingOp = defineOperation<{ belonging: string }, unknown>({
  name: 'resource:unsubscribeFromBelonging',
  family,
  summary: 'Leave the broadcast channel of a belonging',
  bindings: { websocket: 'resource:unsubscribeFromBelonging' },
  auth: 'required',
  permission: 'authenticated user',
  request: belongingRequest,
  response: empty,
  handler: async (ctx, input) => unsubscribeFromBelonging(ctx, input),
});

export const getPublicMusicOp = defineOperation<Record<string, never>, unknown>({
  name: 'resource:getPublicMusic',
  family,
  summary: 'Publicly uploaded music of the default network (ready audio placed in communities), newest first',
  bindings: { websocket: 'resource:getPublicMusic' },
  auth: 'required',
  permission: 'authenticated user',
  request: empty,
  response: resourceList,
  handler: async () => ({ resources: await publicMusic() }),
});

export const subscribeOp = defineOperation<{ resource: string }, unknown>({
  name: 'resource:subscribe',
  family,
  summary: 'Join the resource channel (resource:updated)',
  bindings: { websocket: 'resource:subscribe' },
  auth: 'required',
  permission: readRule,
  request: subscribeRequest,
  response: empty,
  handler: (ctx, input) => subscribeToResource(ctx, input.resource),
});

export const unsubscribeOp = defineOperation<{ resource: string }, unknown>({
  name: 'resource:unsubscribe',
  family,
  summary: 'Leave the resource channel',
  bindings: { websocket: 'resource:unsubscribe' },
  auth: 'required',
  permission: 'authenticated user',
  request: subscribeRequest,
  response: empty,
  handler: async (ctx, input) => {
    ctx.channels.leave(`resource:${input.resource}`);
    return {};
  },
});

export const readOperations = [
  getResource,
  resourceInfo,
  getResourceFromNetwork,
  listParentDirectoriesOp,
  searchBelongingOp,
  listBelongingOp,
  unsubscribeFromBelongingOp,
  getPublicMusicOp,
  subscribeOp,
  unsubscribeOp,
];
