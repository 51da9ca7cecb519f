import type { Principal } from '../auth/principal.js';
import { mayReadResource } from './resources.js';
import { notFound } from '../errors/api-error.js';
import type { ResourceDoc } from '../resources/model.js';
import { resources } from '../resources/repository.js';
import { getRoomForMember } from './rooms.js';

/** Reactions: the resource, when the caller may see it, and the room, when one is named and the caller is in it: 404 otherwise. */
export async function checkReactionAccess(principal: Principal, target: { resource: string; room?: string }): Promise<ResourceDoc> {
  const snap = await resources().doc(target.resource).get();
  const doc = snap.data() as ResourceDoc | undefined;
  if (!doc || !(await mayReadResource(principal, doc))) throw notFound('resource');
  if (target.room) await getRoomForMember(target.room, principal.userId, { hideFromNonMembers: true });
  return doc;
}
