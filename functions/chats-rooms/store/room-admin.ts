import { badRequest } from '../../../shared/errors/api-error.js';
import { firestore } from '../../../shared/gcp/clients.js';
import { getRoomForOwner, loadRoomAccess, requireOwner, type MemberAccess } from '../../../shared/rooms/access.js';
import { purgeRoomContents } from '../../../shared/rooms/cleanup.js';
import type { RoomRecord } from '../../../shared/rooms/model.js';
import { channelsOf, meetingRef, pairRef, roomRef } from '../../../shared/rooms/repository.js';

export interface RoomEdit {
  name?: string;
  description?: string;
}

/** Renames or re-describes a room (owners only); one_to_one rooms have neither. */
export async function updateRoom(roomId: string, userId: string, edit: RoomEdit): Promise<MemberAccess> {
  return firestore().runTransaction(async (tx) => {
    const access = await getRoomForOwner(roomId, userId, { tx });
    if (access.room.type === 'one_to_one') throw badRequest('a one_to_one room has no name or description to update');
    const changes: Partial<RoomRecord> = { updatedAt: new Date().toISOString() };
    if (edit.name !== undefined) changes.name = edit.name;
    if (edit.description !== undefined) changes.description = edit.description;
    tx.update(roomRef(roomId), changes);
    return { ...access, room: { ...access.room, ...changes } };
  });
}

/**
 * Deletes a room (owners only) with its meeting; a workspace takes its channels with it. An
 * unknown room is already deleted. Returns the deleted rooms (empty when there was none).
 */
export async function deleteRoom(roomId: string, userId: string): Promise<RoomRecord[]> {
  const deleted = await firestore().runTransaction(async (tx) => {
    const access = await loadRoomAccess(roomId, userId, tx);
    if (!access) return [];
    const { room } = requireOwner(access, userId);
    const rooms = room.type === 'workspace' ? [room, ...(await channelsOf([room.id], tx))] : [room];
    for (const r of rooms) {
      tx.delete(roomRef(r.id));
      tx.delete(meetingRef(r.meetingId));
    }
    if (room.type === 'one_to_one' && room.memberIds.length === 2) tx.delete(pairRef(room.memberIds[0], room.memberIds[1]));
    return rooms;
  });
  for (const r of deleted) await purgeRoomContents(r.id);
  return deleted;
}
