import type { JsonSchema } from '../../../shared/registry/types.js';
import { results } from '../../../shared/registry/types.js';
import { roomsOperation } from '../define.js';
import type { RankEntry } from '../rules/ranks.js';
import { noContent, uuid } from '../schemas/common.js';
import { rankChannels, rankWorkspaces } from '../store/room-settings.js';

const ranks: JsonSchema = {
  type: 'array',
  maxItems: 1000,
  items: {
    type: 'object',
    properties: { roomId: uuid, rank: { type: 'integer' } },
    required: ['roomId', 'rank'],
  },
};

export const updateWorkspacesRank = roomsOperation<{ ranks: RankEntry[] }, unknown>({
  name: 'updateWorkspacesRank',
  summary: "Sets the requester's order of their workspaces: every one of them exactly once, ranks 1..n.",
  bindings: { http: [{ method: 'PUT', path: '/rooms/workspaces/rank' }] },
  permission: 'authenticated user (their own workspaces)',
  rest: { body: 'json', bodyProperty: 'ranks' },
  successStatus: 204,
  request: { type: 'object', properties: { ranks }, required: ['ranks'] },
  response: noContent,
  handler: async (ctx, input) => {
    await rankWorkspaces(ctx.principal.userId, input.ranks);
    return results.empty(204);
  },
});

export const updateChannelsRank = roomsOperation<{ workspaceId: string; ranks: RankEntry[] }, unknown>({
  name: 'updateChannelsRank',
  summary: "Sets the order of a workspace's channels (owners only): every channel exactly once, ranks 1..n.",
  bindings: { http: [{ method: 'PUT', path: '/rooms/workspaces/{workspaceId}/channels/rank' }] },
  permission: 'workspace owner',
  rest: { body: 'json', bodyProperty: 'ranks' },
  successStatus: 204,
  request: { type: 'object', properties: { workspaceId: uuid, ranks }, required: ['workspaceId', 'ranks'] },
  response: noContent,
  handler: async (ctx, input) => {
    await rankChannels(input.workspaceId, ctx.principal.userId, input.ranks);
    return results.empty(204);
  },
});
