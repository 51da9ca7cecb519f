import type { Principal } from '../../../shared/auth/principal.js';
import { mayReadResource } from '../../../shared/access/resources.js';
import { notFound } from '../../../shared/errors/api-error.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { resources } from '../../../shared/resources/repository.js';
import { getRoomForMember } from '../../../shared/access/rooms.js';
import type { ReactionTarget } from '../store/reactions.js';

/** The resource, when the caller may see it, and the room, when one is named and the caller is in it: 404 otherwise. */
export async function checkAccess(principal: Principal, target: ReactionTarget): Promise<ResourceDoc> {
  const snap = await resources().doc(target.resource).get();
  const doc = snap.data() as ResourceDoc | undefined;
  if (!doc || !(await mayReadResource(principal, doc))) throw notFound('resource');
  if (target.room) await getRoomForMember(target.room, principal.userId, { hideFromNonMembers: true });
  return doc;
}
