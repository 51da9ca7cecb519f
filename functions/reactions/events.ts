import { event } from '../../shared/registry/define.js';
import type { OperationContext } from '../../shared/registry/types.js';
import { getUserProfile } from '../../shared/users/profile.js';
import { toUserSimple } from '../../shared/users/user-simple.js';
import { reactionEventPayload } from './schemas/reaction.js';
import type { Announcement, ReactionTarget } from './store/reactions.js';
import { reactionView } from './views.js';

export const reactionEvents = {
  updated: event({
    name: 'resource:reactionUpdated',
    channel: 'room',
    summary: 'A user set a reaction to a resource in a room',
    payload: reactionEventPayload,
  }),
  deleted: event({
    name: 'resource:reactionDeleted',
    channel: 'room',
    summary: 'A user deleted a reaction to a resource in a room',
    payload: reactionEventPayload,
  }),
};

/** The room event of a reaction change (committed with it), when a room is named. */
export async function announcement(
  ctx: OperationContext,
  kind: keyof typeof reactionEvents,
  target: ReactionTarget,
): Promise<Announcement> {
  if (!target.room) return () => [];
  const room = target.room;
  const profile = await getUserProfile(ctx.principal.userId);
  const fromUser = profile ? toUserSimple(profile) : { id: ctx.principal.userId, firstName: '', lastName: '', privacyMode: 0 };
  return (record) => [
    {
      endpoint: reactionEvents[kind].name,
      channel: `room:${room}`,
      data: { room, resource: target.resource, reaction: reactionView(record, fromUser) },
    },
  ];
}
