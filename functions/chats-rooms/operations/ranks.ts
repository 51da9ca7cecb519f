import { results } from '../../../shared/registry/types.js';
import { operation } from '../../../shared/registry/define.js';
import { noContent, uuid } from '../schemas/common.js';
import { rankChannels, rankWorkspaces } from '../store/room-settings.js';

const ranks = {
  type: 'array',
  maxItems: 1000,
  items: {
    type: 'object',
    properties: { roomId: uuid, rank: { type: 'integer' } },
    required: ['roomId', 'rank'],
  },
} as const;

export const updateWorkspacesRank = operation({
  name: 'updateWorkspacesRank',
  summary: "Sets the requester's order of their workspaces: every one of them exactly once, ranks 1..n.",
  bindings: { http: [{ method: 'PUT', path: '/rooms/workspaces/rank' }] },
  permission: 'authenticated user (their own workspaces)',
  rest: { body: 'json', bodyProperty: 'ranks' },
  successStatus: 204,
  request: { type: 'object', properties: { ranks }, required: ['ranks'] },
  response: noContent,
}).handle(async (ctx, input) => {
  await rankWorkspaces(ctx.principal.userId, input.ranks);
  return results.empty(204);
});

export const updateChannelsRank = operation({
  name: 'updateChannelsRank',
  summary: "Sets the order of a workspace's channels (owners only): every channel exactly once, ranks 1..n.",
  bindings: { http: [{ method: 'PUT', path: '/rooms/workspaces/{workspaceId}/channels/rank' }] },
  permission: 'workspace owner',
  rest: { body: 'json', bodyProperty: 'ranks' },
  successStatus: 204,
  request: { type: 'object', properties: { workspaceId: uuid, ranks }, required: ['workspaceId', 'ranks'] },
  response: noContent,
}).handle(async (ctx, input) => {
  await rankChannels(input.workspaceId, ctx.principal.userId, input.ranks);
  return results.empty(204);
});
