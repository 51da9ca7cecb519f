import { operation } from '../../../shared/registry/define.js';
import { reactionTotal } from '../../../shared/resources/reaction-count.js';
import { getVisibleResource } from '../../../shared/resources/repository.js';
import { byResourceRequest, ownReaction as ownReactionSchema, userReactions } from '../schemas/reaction.js';
import { listReactions, ownReaction } from '../store/reactions.js';
import { reactionPairs } from '../views.js';

const permission = 'read access to the resource';

export const getReactions = operation({
  name: 'resource:getReactions',
  summary: "Every user's reaction to a resource as [userId, reaction] pairs, the total, and the caller's own",
  permission,
  request: byResourceRequest,
  response: userReactions,
}).handle(async (ctx, input) => {
  const resource = await getVisibleResource(ctx.principal, input.resourceId);
  const list = await listReactions(input.resourceId);
  return {
    reactions: reactionPairs(list),
    total: await reactionTotal(resource),
    ownReaction:
      list.find((r) => r.userId === ctx.principal.userId)?.reaction ?? (await ownReaction(input.resourceId, ctx.principal.userId)),
  };
});

export const getUserOwnReaction = operation({
  name: 'resource:getUserOwnReaction',
  summary: "The caller's own reaction to a resource (empty when none)",
  permission,
  request: byResourceRequest,
  response: ownReactionSchema,
}).handle(async (ctx, input) => {
  await getVisibleResource(ctx.principal, input.resourceId);
  return { ownReaction: await ownReaction(input.resourceId, ctx.principal.userId) };
});
