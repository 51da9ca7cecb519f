import type { Transaction } from '@google-cloud/firestore';
import { badRequest, forbidden } from '../../../shared/errors/api-error.js';
import { firestore } from '../../../shared/gcp/clients.js';
import { getRoomForMember, loadRoomAccess, requireMember, requireOwner } from '../../../shared/access/rooms.js';
import { purgeRoomContents } from '../../../shared/rooms/cleanup.js';
import type { RoomRecord } from '../../../shared/rooms/model.js';
import { channelsOf, meetingRef, roomRef } from '../../../shared/rooms/repository.js';

export interface RoomEdit {
  name?: string;
  description?: string;
}

export interface RoomUpdate {
  room: RoomRecord;
  /** false when the edit matched what was stored: nothing was written */
  changed: boolean;
}

/**
 * Renames or re-describes a room. Checked as the reference does: membership (404/403), then
 * one_to_one (400), a group edit naming nothing (400), then ownership (403). Only fields that
 * differ from the stored room are written, with a new updatedAt.
 */
export async function updateRoom(roomId: string, userId: string, edit: RoomEdit): Promise<RoomUpdate> {
  return firestore().runTransaction(async (tx) => {
    const access = await getRoomForMember(roomId, userId, { tx });
    const { room } = access;
    if (room.type === 'one_to_one') throw badRequest('a one_to_one room has no name or description to update');
    if (room.type === 'group' && edit.name === undefined && edit.description === undefined) {
      throw badRequest('name or description is required to update a group');
    }
    requireOwner(access, userId);
    const changes: Partial<RoomRecord> = {};
    if (edit.name !== undefined && edit.name !== room.name) changes.name = edit.name;
    if (edit.description !== undefined && edit.description !== room.description) changes.description = edit.description;
    if (Object.keys(changes).length === 0) return { room, changed: false };
    changes.updatedAt = new Date().toISOString();
    tx.update(roomRef(roomId), changes);
    return { room: { ...room, ...changes }, changed: true };
  });
}

/**
 * Deletes a room (owners only; one_to_one rooms never) with its meeting; a workspace takes its channels with it. An
 * unknown room is already deleted. Returns the deleted rooms (empty when there was none).
 */
export async function deleteRoom(roomId: string, userId: string): Promise<RoomRecord[]> {
  const deleted = await firestore().runTransaction(async (tx) => {
    const access = await loadRoomAccess(roomId, userId, tx);
    if (!access) return [];
    const { room } = requireMember(access, userId);
    if (room.type === 'one_to_one') throw forbidden('a one_to_one room cannot be deleted');
    requireOwner(access, userId);
    const rooms = room.type === 'workspace' ? [room, ...(await channelsOf([room.id], tx))] : [room];
    deleteRoomDocuments(tx, rooms);
    return rooms;
  });
  await purgeRooms(deleted);
  return deleted;
}

/** Deletes the rooms' documents and meetings in the transaction (a workspace's channels are among `rooms`). */
export function deleteRoomDocuments(tx: Transaction, rooms: RoomRecord[]): void {
  for (const r of rooms) {
    tx.delete(roomRef(r.id));
    tx.delete(meetingRef(r.meetingId));
  }
}

/** Once their documents are gone: what the rooms leave behind (settings, messages, attachments, pictures). */
export async function purgeRooms(rooms: RoomRecord[]): Promise<void> {
  for (const r of rooms) await purgeRoomContents(r.id);
}
