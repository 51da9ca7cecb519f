import type { Transaction } from '@google-cloud/firestore';
import { badRequest, forbidden } from '../../../shared/errors/api-error.js';
import { transactionWithEvents } from '../../../shared/events/outbox.js';
import { getRoomForMember, getRoomForOwner, type MemberAccess } from '../../../shared/access/rooms.js';
import type { RoomMember, RoomRecord } from '../../../shared/rooms/model.js';
import { channelsOf, roomRef, settingsRef } from '../../../shared/rooms/repository.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { requireExistingUsers } from '../../../shared/users/directory.js';
import { roomEvents } from '../events.js';
import { maxGroupMembers } from '../rules/limits.js';
import { deleteRoomDocuments, purgeRooms, roomsDeleted } from './room-admin.js';

/** one_to_one membership is fixed at creation; channels share their workspace's members. */
function assertMembershipCanChange(room: RoomRecord): void {
  if (room.type === 'one_to_one') throw badRequest('the members of a one_to_one room cannot change');
  if (room.type === 'channel') throw badRequest("a channel's members are those of its workspace: change the workspace instead");
}

function writeMembers(tx: Transaction, room: RoomRecord, members: RoomMember[]): void {
  tx.update(roomRef(room.id), {
    members,
    memberIds: members.map((m) => m.userId),
    updatedAt: new Date().toISOString(),
  });
}

function isLastOwner(members: RoomMember[], userId: string): boolean {
  const owners = members.filter((m) => m.owner);
  return owners.length === 1 && owners[0].userId === userId;
}

export interface NewMember {
  userId: string;
  owner: boolean;
  historyCleared: boolean;
}

export interface InsertedMember {
  userId: string;
  owner: boolean;
  clearedAt?: string;
}

/**
 * Adds a member, checked as the reference does: the user must be known (404) before the room is
 * looked at, then ownership (404/403), the room type (400), a full room (400), an existing
 * membership (400). Announced in the same commit.
 */
export async function addMember(
  events: EventPublisher,
  roomId: string,
  requesterId: string,
  newMember: NewMember,
): Promise<InsertedMember> {
  return transactionWithEvents(events, async (tx, sink) => {
    await requireExistingUsers([newMember.userId], tx);
    const { room, members } = await getRoomForOwner(roomId, requesterId, { tx });
    assertMembershipCanChange(room);
    const max = maxGroupMembers();
    if (members.length + 1 > max) throw badRequest(`the room is full: it has at most ${max} members`);
    if (members.some((m) => m.userId === newMember.userId)) throw badRequest(`user ${newMember.userId} is already a member of the room`);
    const now = new Date().toISOString();
    writeMembers(tx, room, [...members, { userId: newMember.userId, owner: newMember.owner, joinedAt: now }]);
    const inserted: InsertedMember = { userId: newMember.userId, owner: newMember.owner };
    // A member rejoining starts from fresh settings.
    tx.set(settingsRef(room.id, newMember.userId), {
      roomId: room.id,
      userId: newMember.userId,
      muted: false,
      ...(newMember.historyCleared ? { clearedAt: now } : {}),
    });
    if (newMember.historyCleared) inserted.clearedAt = now;
    sink.emit(roomEvents.memberAdded.name, `room:${roomId}`, { roomId, userId: inserted.userId, owner: inserted.owner });
    return inserted;
  });
}

export type RemovedMember = MemberAccess & {
  /** The room (with its channels), deleted because its last member left. */
  deletedRooms: RoomRecord[];
};

/**
 * Removes a member: the requester leaving, or an owner kicking someone. Removing someone who is
 * not a member changes nothing (the seed answers 204). The last owner cannot leave while others
 * stay; the last member leaving deletes the room, which nobody could reach any more. The removal
 * (and the deletion) is announced in the same commit, with a re-check of the removed user's channels.
 */
export async function removeMember(
  events: EventPublisher,
  roomId: string,
  requesterId: string,
  userId: string,
): Promise<RemovedMember | undefined> {
  const removed = await transactionWithEvents(events, async (tx, sink) => {
    const access = await getRoomForMember(roomId, requesterId, { tx });
    const { room, members, member } = access;
    if (userId !== requesterId && !member.owner) throw forbidden('only an owner of the room can remove other members');
    assertMembershipCanChange(room);
    if (!members.some((m) => m.userId === userId)) return undefined;
    const remaining = members.filter((m) => m.userId !== userId);
    if (remaining.length > 0 && isLastOwner(members, userId)) {
      throw badRequest('the last owner cannot leave the room while others stay: promote another member first, or delete the room');
    }
    const channels = room.type === 'workspace' ? await channelsOf([room.id], tx) : [];
    sink.emit(roomEvents.memberRemoved.name, `room:${roomId}`, { roomId, userId, removedBy: requesterId });
    // the removed user's sockets leave the room and whatever they saw only through it
    sink.recheck({ users: [userId], channels: [`room:${roomId}`] });
    if (remaining.length === 0) {
      const deletedRooms = [room, ...channels];
      deleteRoomDocuments(tx, deletedRooms);
      roomsDeleted(sink, deletedRooms);
      return { ...access, deletedRooms };
    }
    writeMembers(tx, room, remaining);
    for (const id of [room.id, ...channels.map((c) => c.id)]) tx.delete(settingsRef(id, userId));
    return { ...access, deletedRooms: [] };
  });
  if (removed) await purgeRooms(removed.deletedRooms);
  return removed;
}

/**
 * Promotes (owner: true) or demotes a member, checked as the reference does: not oneself (400),
 * ownership (404/403), the room type (400), the target a member (403). Promoting an owner or
 * demoting a member changes nothing (but is announced all the same).
 */
export async function setOwner(
  events: EventPublisher,
  roomId: string,
  requesterId: string,
  userId: string,
  owner: boolean,
): Promise<MemberAccess> {
  if (userId === requesterId) throw badRequest(`users cannot ${owner ? 'promote' : 'demote'} themselves`);
  return transactionWithEvents(events, async (tx, sink) => {
    const access = await getRoomForOwner(roomId, requesterId, { tx });
    const { room, members } = access;
    assertMembershipCanChange(room);
    const target = members.find((m) => m.userId === userId);
    if (!target) throw forbidden(`user ${userId} is not a member of room ${room.id}`);
    if (target.owner !== owner)
      writeMembers(
        tx,
        room,
        members.map((m) => (m.userId === userId ? { ...m, owner } : m)),
      );
    const announced = owner ? roomEvents.ownerPromoted : roomEvents.ownerDemoted;
    sink.emit(announced.name, `room:${roomId}`, { roomId, userId });
    return access;
  });
}
