import type { Principal } from '../../../shared/auth/principal.js';
import { canWriteResource } from '../../../shared/access/resources.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { getRoomForMember, getRoomForOwner } from '../../../shared/rooms/access.js';
import { roomSortingTable } from '../store/props.js';

/** seed 001's permission for changing a prop and its content: the owners of the prop's room */
export const MANAGE = 'prop.manage /networkId/roomId/propId (owners of the room)';
export const READ = 'membership of the room';

/** Members read; rooms a caller is not in answer as if they did not exist. */
export const asMember = (p: Principal, roomId: string) => getRoomForMember(roomId, p.userId, { hideFromNonMembers: true });

/** Owners manage (prop.manage): 404 to non-members, 403 to members who are not owners. */
export const asOwner = (p: Principal, roomId: string) => getRoomForOwner(roomId, p.userId, { hideFromNonMembers: true });

/** Room owners place their own resources and the room's (its sorting table and its props). */
export function mayPlace(principal: Principal, roomId: string, doc: ResourceDoc): boolean {
  if (canWriteResource(principal, doc)) return true;
  return doc.belonging === roomSortingTable(roomId) || doc.belonging.startsWith(`room:${roomId}/`);
}
