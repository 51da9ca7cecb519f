import { joinChannel } from '../../../shared/events/subscriptions.js';
import { operation } from '../../../shared/registry/define.js';
import { recordReactionActivity } from '../../../shared/ressources/activity.js';
import { announcement } from '../events.js';
import { deleteReactionRequest, emptyResponse, setReactionRequest } from '../schemas/reaction.js';
import { putReaction, removeReaction } from '../store/reactions.js';

const permission = 'read access to the resource; membership of the room when one is named';

export const setReaction = operation({
  name: 'resource:setReaction',
  summary: "Set (or replace) the caller's reaction to a resource or one of its comments; announced in the room when one is named",
  permission,
  request: setReactionRequest,
  response: emptyResponse,
}).handle(async (ctx, input) => {
  const record = await putReaction(ctx.principal, input, input.reaction, ctx.events, await announcement(ctx, 'updated', input));
  await recordReactionActivity(ctx.principal, 'resource:reactionUpdated', input, record);
  if (input.room) await joinChannel(ctx, `room:${input.room}`);
  return {};
});

export const deleteReaction = operation({
  name: 'resource:deleteReaction',
  summary: "Delete the caller's reaction to a resource or one of its comments; announced in the room when one is named",
  permission,
  request: deleteReactionRequest,
  response: emptyResponse,
}).handle(async (ctx, input) => {
  const removed = await removeReaction(ctx.principal, input, ctx.events, await announcement(ctx, 'deleted', input));
  if (removed) await recordReactionActivity(ctx.principal, 'resource:reactionDeleted', input, removed);
  if (removed && input.room) await joinChannel(ctx, `room:${input.room}`);
  return {};
});
