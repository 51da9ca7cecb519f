import type { Principal } from '../../shared/auth/principal.js';
import { defineOperation, type OperationContext } from '../../shared/registry/types.js';
import { getVisibleResource } from '../../shared/resources/repository.js';
import { getUserProfile } from '../../shared/users/profile.js';
import { toUserSimple } from '../../shared/users/user-simple.js';
import { byResourceRequest, deleteReactionRequest, emptyResponse, ownReaction as ownReactionSchema, setReactionRequest, userReactions } from './schemas.js';
import { countReactions } from '../../shared/resources/reaction-count.js';
import { recordReactionActivity } from '../../shared/ressources/activity.js';
import { joinChannel } from '../../shared/events/subscriptions.js';
import { listReactions, ownReaction, putReaction, removeReaction, type Announcement, type ReactionTarget } from './store.js';

const family = 'reactions';
const permission = 'read access to the resource; membership of the room when one is named';

/** The room event of a reaction change (committed with it), when a room is named; the caller joins the room channel. */
async function announcement(ctx: OperationContext, event: string, target: ReactionTarget): Promise<Announcement> {
  if (!target.room) return () => [];
  const room = target.room;
  const profile = await getUserProfile(ctx.principal.userId);
  const fromUser = profile ? toUserSimple(profile) : { id: ctx.principal.userId, firstName: '', lastName: '', privacyMode: 0 };
  return (record) => [
    { endpoint: event, channel: `room:${room}`, data: { room, resource: target.resource, reaction: { updated: record.updated, reaction: record.reaction, fromUser } } },
  ];
}

export const setReaction = defineOperation<ReactionTarget & { reaction: string }, unknown>({
  name: 'resource:setReaction',
  family,
  summary: 'Set (or replace) the caller\'s reaction to a resource or one of its comments; announced in the room when one is named',
  bindings: { websocket: 'resource:setReaction' },
  auth: 'required',
  permission,
  request: setReactionRequest,
  response: emptyResponse,
  handler: async (ctx, input) => {
    const record = await putReaction(ctx.principal, input, input.reaction, ctx.events, await announcement(ctx, 'resource:reactionUpdated', input));
    await recordReactionActivity(ctx.principal, 'resource:reactionUpdated', input, record);
    if (input.room) await joinChannel(ctx, `room:${input.room}`);
    return {};
  },
});

export const deleteReaction = defineOperation<ReactionTarget & { reaction?: string }, unknown>({
  name: 'resource:deleteReaction',
  family,
  summary: 'Delete the caller\'s reaction to a resource or one of its comments; announced in the room when one is named',
  bindings: { websocket: 'resource:deleteReaction' },
  auth: 'required',
  permission,
  request: deleteReactionRequest,
  response: emptyResponse,
  handler: async (ctx, input) => {
    const removed = await removeReaction(ctx.principal, input, ctx.events, await announcement(ctx, 'resource:reactionDeleted', input));
    if (removed) await recordReactionActivity(ctx.principal, 'resource:reactionDeleted', input, removed);
    if (removed && input.room) await joinChannel(ctx, `room:${input.room}`);
    return {};
  },
});

async function visible(principal: Principal, resourceId: string) {
  return getVisibleResource(principal, resourceId);
}

export const getReactions = defineOperation<{ resourceId: string }, unknown>({
  name: 'resource:getReactions',
  family,
  summary: 'Every user\'s reaction to a resource as [userId, reaction] pairs, the total, and the caller\'s own',
  bindings: { websocket: 'resource:getReactions' },
  auth: 'required',
  permission: 'read access to the resource',
  request: byResourceRequest,
  response: userReactions,
  handler: async (ctx, input) => {
    const resource = await visible(ctx.principal, input.resourceId);
    const list = await listReactions(input.resourceId);
    return {
      reactions: list.map((r) => [r.userId, r.reaction]),
      total: await countReactions(resource.id),
      ownReaction: list.find((r) => r.userId === ctx.principal.userId)?.reaction ?? (await ownReaction(input.resourceId, ctx.principal.userId)),
    };
  },
});

export const getUserOwnReaction = defineOperation<{ resourceId: string }, unknown>({
  name: 'resource:getUserOwnReaction',
  family,
  summary: 'The caller\'s own reaction to a resource (empty when none)',
  bindings: { websocket: 'resource:getUserOwnReaction' },
  auth: 'required',
  permission: 'read access to the resource',
  request: byResourceRequest,
  response: ownReactionSchema,
  handler: async (ctx, input) => {
    await visible(ctx.principal, input.resourceId);
    return { ownReaction: await ownReaction(input.resourceId, ctx.principal.userId) };
  },
});
