import type { Transaction } from '@google-cloud/firestore';
import { badRequest, forbidden } from '../../../shared/errors/api-error.js';
import { transactionWithEvents, type TransactionEvents } from '../../../shared/events/outbox.js';
import { getRoomForMember, loadRoomAccess, requireMember, requireOwner } from '../../../shared/access/rooms.js';
import { purgeRoomContents } from '../../../shared/rooms/cleanup.js';
import type { RoomRecord } from '../../../shared/rooms/model.js';
import { channelsOf, meetingRef, roomRef } from '../../../shared/rooms/repository.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { roomEvents } from '../events.js';

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
 * differ from the stored room are written, with a new updatedAt, and announced in the same commit.
 */
export async function updateRoom(events: EventPublisher, roomId: string, userId: string, edit: RoomEdit): Promise<RoomUpdate> {
  return transactionWithEvents(events, async (tx, sink) => {
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
    const updated = { ...room, ...changes };
    sink.emit(roomEvents.roomUpdated.name, `room:${updated.id}`, {
      roomId: updated.id,
      name: updated.name,
      description: updated.description,
      updatedAt: updated.updatedAt,
    });
    return { room: updated, changed: true };
  });
}

/**
 * Deletes a room (owners only; one_to_one rooms never) with its meeting; a workspace takes its channels with it. An
 * unknown room is already deleted. Returns the deleted rooms (empty when there was none). The
 * deletion is announced in the same commit (see {@link roomsDeleted}); the rooms' contents are purged after it.
 */
export async function deleteRoom(events: EventPublisher, roomId: string, userId: string): Promise<RoomRecord[]> {
  const deleted = await transactionWithEvents(events, async (tx, sink) => {
    const access = await loadRoomAccess(roomId, userId, tx);
    if (!access) return [];
    const { room } = requireMember(access, userId);
    if (room.type === 'one_to_one') throw forbidden('a one_to_one room cannot be deleted');
    requireOwner(access, userId);
    const rooms = room.type === 'workspace' ? [room, ...(await channelsOf([room.id], tx))] : [room];
    deleteRoomDocuments(tx, rooms);
    roomsDeleted(sink, rooms);
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

/**
 * Announces the deletion of `rooms` in the commit deleting them, which re-checks their members and
 * every subscriber of the rooms' channels: their sockets leave them, and whatever they saw only through them.
 */
export function roomsDeleted(events: TransactionEvents, rooms: RoomRecord[]): void {
  for (const r of rooms) events.emit(roomEvents.roomDeleted.name, `room:${r.id}`, { roomId: r.id });
  if (rooms.length > 0) events.recheck({ users: rooms.flatMap((r) => r.memberIds), channels: rooms.map((r) => `room:${r.id}`) });
}

/** Once their documents are gone: what the rooms leave behind (settings, messages, attachments, pictures). */
export async function purgeRooms(rooms: RoomRecord[]): Promise<void> {
  for (const r of rooms) await purgeRoomContents(r.id);
}
