import type { Principal } from '../auth/principal.js';
import type { ResourceDoc } from '../resources/model.js';
import { canWriteResource } from './resources.js';
import { getRoomForMember, getRoomForOwner } from './rooms.js';

/** Props (seed 001): members read; rooms a caller is not in answer as if they did not exist. */
export const asMember = (p: Principal, roomId: string) => getRoomForMember(roomId, p.userId, { hideFromNonMembers: true });

/** Owners manage (prop.manage): 404 to non-members, 403 to members who are not owners. */
export const asOwner = (p: Principal, roomId: string) => getRoomForOwner(roomId, p.userId, { hideFromNonMembers: true });

/** Room owners place their own resources and the room's (its sorting table and its props) on a prop. */
export function mayPlace(principal: Principal, roomId: string, doc: ResourceDoc): boolean {
  if (canWriteResource(principal, doc)) return true;
  return doc.belonging === `roomSortingTable:${roomId}` || doc.belonging.startsWith(`room:${roomId}/`);
}
