import type { Transaction } from '@google-cloud/firestore';
import type { Principal } from '../auth/principal.js';
import { loadRoomAccess } from '../rooms/access.js';
import { readRoom } from '../rooms/repository.js';

/**
 * What a user may do with the resources of a room (DESIGN.md section 5), read from the room
 * document `rooms/{roomId}` of shared/rooms: its members (a channel's are its workspace's) and
 * which of them are owners.
 */
export interface RoomRights {
  exists: boolean;
  member: boolean;
  owner: boolean;
}

export async function roomRights(principal: Principal, roomId: string, tx?: Transaction): Promise<RoomRights> {
  const access = await loadRoomAccess(roomId, principal.userId, tx);
  if (!access) return { exists: false, member: false, owner: false };
  return { exists: true, member: Boolean(access.member), owner: Boolean(access.member?.owner) };
}

/** Room belongings a member may read: the room sorting table, the room and its props. */
export async function canReadRoomBelonging(principal: Principal, roomId: string, tx?: Transaction): Promise<boolean> {
  return (await roomRights(principal, roomId, tx)).member;
}

/**
 * Who may place resources in a room belonging: every member contributes to the room sorting
 * table (`roomSortingTable:{roomId}`); only owners place resources in the room or on its props
 * (`room:{roomId}`, `room:{roomId}/{propId}`), as they hold `prop.manage`.
 */
export async function canWriteRoomBelonging(
  principal: Principal,
  roomId: string,
  belongingType: 'roomSortingTable' | 'room',
  tx?: Transaction,
): Promise<boolean> {
  const rights = await roomRights(principal, roomId, tx);
  return belongingType === 'roomSortingTable' ? rights.member : rights.owner;
}

/** The workspace a room is part of: itself for a workspace, the parent of a channel, none otherwise. */
export async function workspaceOfRoom(roomId: string, tx?: Transaction): Promise<string | undefined> {
  const room = await readRoom(roomId, tx);
  if (room?.type === 'workspace') return room.id;
  if (room?.type === 'channel') return room.parentId;
  return undefined;
}
