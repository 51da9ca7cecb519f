import { operation } from '../../../shared/registry/define.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { joinChannel } from '../../../shared/events/subscriptions.js';
import { canonicalBelonging, parseBelonging } from '../../../shared/resources/belonging.js';
import { locateVisibleResource } from '../../../shared/resources/repository.js';
import { roomChannelOf, searchChannels } from '../rules/channels.js';
import { getInNetwork, listParentDirectories, publicMusic } from '../store/read.js';
import { listBelonging, searchBelonging } from '../store/search.js';
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
} from '../schemas/resource.js';

const readRule = 'read access to the resource (owner, or reader of its belonging)';

export const getResource = operation({
  name: 'resource:get',
  summary: "Get resource metadata from the caller's network, else from the default network",
  permission: readRule,
  request: getRequest,
  response: resourceEnvelope,
  // totalReactions (and a directory's counts) are counted when the answer is sent (shared/resources/live-counts.ts)
}).handle(async (ctx, input) => ({
  resource: toClientResource(await getInNetwork(ctx.principal, input.resource, ctx.principal.networkId)),
}));

export const resourceInfo = operation({
  name: 'resource.info',
  summary: 'Resource info (deprecated JSON-RPC; token in X-Session-Id)',
  deprecated: true,
  replacedBy: 'resource:get',
  bindings: { jsonRpc: '/api/v0/rpc/resource.info' },
  permission: readRule,
  request: infoRequest,
  response: resourceEnvelope,
}).handle(async (ctx, input) => ({
  resource: toClientResource(await getInNetwork(ctx.principal, input.resourceId, ctx.principal.networkId)),
}));

export const getResourceFromNetwork = operation({
  name: 'resource:getResourceFromNetwork',
  summary: 'Get resource from network (deprecated: resource:get)',
  deprecated: true,
  replacedBy: 'resource:get',
  permission: readRule,
  request: fromNetworkRequest,
  response: resourceEnvelope,
}).handle(async (ctx, input) => ({ resource: toClientResource(await getInNetwork(ctx.principal, input.resourceId, input.networkId)) }));

export const listParentDirectoriesOp = operation({
  name: 'resource:listParentDirectories',
  summary: 'Parent directories of a resource, from the top one down',
  permission: readRule,
  request: resourceIdRequest,
  response: resourceList,
}).handle(async (ctx, input) => ({ resources: await listParentDirectories(ctx.principal, input.resourceId) }));

export const searchBelongingOp = operation({
  name: 'resource:searchBelonging',
  summary:
    'Page through a belonging, optionally by words of title and description; joins directory and community channels, and the room channel of a room',
  description:
    'Newest first (ties by id). query: every word must start a word of the title or description (case-insensitive). cursor: the nextCursor of the previous page (empty when hasMore is false). limit: 20 by default, at most 100. Over WebSocket the socket joins belonging:{belonging} of a directory or community, and room:{roomId} (reaction events) for room:{roomId}, a prop in it, or roomProps:{roomId}; resource:unsubscribeFromBelonging leaves them.',
  permission: 'read access to the belonging',
  request: searchRequest,
  response: searchResponse,
}).handle(async (ctx, input) => {
  const { belonging, answer } = await searchBelonging(ctx.principal, input);
  for (const channel of searchChannels(belonging)) await joinChannel(ctx, channel);
  return answer;
});

export const listBelongingOp = operation({
  name: 'resource:listBelonging',
  summary: 'List belonging resources by offset (deprecated: resource:searchBelonging)',
  deprecated: true,
  replacedBy: 'resource:searchBelonging',
  permission: 'read access to the belonging',
  request: listBelongingRequest,
  response: resourceList,
}).handle((ctx, input) => listBelonging(ctx.principal, input.belonging, input.offset, input.size));

export const unsubscribeFromBelongingOp = operation({
  name: 'resource:unsubscribeFromBelonging',
  summary: 'Leave the broadcast channel of a belonging',
  permission: 'authenticated user',
  request: belongingRequest,
  response: empty,
}).handle(async (ctx, input) => {
  ctx.channels.leave(`belonging:${canonicalBelonging(input.belonging)}`);
  const roomChannel = roomChannelOf(parseBelonging(input.belonging));
  if (roomChannel) ctx.channels.leave(roomChannel);
  return {};
});

export const getPublicMusicOp = operation({
  name: 'resource:getPublicMusic',
  summary: 'Publicly uploaded music of the default network (ready audio placed in communities), newest first',
  permission: 'authenticated user',
  request: empty,
  response: resourceList,
}).handle(async () => ({ resources: await publicMusic() }));

export const subscribeOp = operation({
  name: 'resource:subscribe',
  summary: 'Join the resource channel (resource:updated)',
  permission: readRule,
  request: subscribeRequest,
  response: empty,
}).handle(async (ctx, input) => {
  await locateVisibleResource(ctx.principal, input.resource);
  await joinChannel(ctx, `resource:${input.resource}`);
  return {};
});

export const unsubscribeOp = operation({
  name: 'resource:unsubscribe',
  summary: 'Leave the resource channel',
  permission: 'authenticated user',
  request: subscribeRequest,
  response: empty,
}).handle(async (ctx, input) => {
  ctx.channels.leave(`resource:${input.resource}`);
  return {};
});
