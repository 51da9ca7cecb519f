import type { Transaction } from '@google-cloud/firestore';
import { badRequest, forbidden, notFound } from '../../../shared/errors/api-error.js';
import { firestore } from '../../../shared/gcp/clients.js';
import { getRoomForMember, getRoomForOwner, type MemberAccess } from '../../../shared/rooms/access.js';
import type { RoomMember, RoomRecord } from '../../../shared/rooms/model.js';
import { channelsOf, roomRef, settingsRef } from '../../../shared/rooms/repository.js';
import { maxGroupMembers } from '../rules/limits.js';

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

export async function addMember(roomId: string, requesterId: string, newMember: NewMember): Promise<InsertedMember> {
  return firestore().runTransaction(async (tx) => {
    const { room, members } = await getRoomForOwner(roomId, requesterId, { tx });
    assertMembershipCanChange(room);
    if (members.some((m) => m.userId === newMember.userId)) throw badRequest(`user ${newMember.userId} is already a member of the room`);
    const max = maxGroupMembers();
    if (members.length + 1 > max) throw badRequest(`the room is full: it has at most ${max} members`);
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
    return inserted;
  });
}

/**
 * Removes a member: the requester leaving, or an owner kicking someone. Removing someone who is
 * not a member changes nothing. Returns the room when a member was removed.
 */
export async function removeMember(roomId: string, requesterId: string, userId: string): Promise<MemberAccess | undefined> {
  return firestore().runTransaction(async (tx) => {
    const access = await getRoomForMember(roomId, requesterId, { tx });
    const { room, members, member } = access;
    if (userId !== requesterId && !member.owner) throw forbidden('only an owner of the room can remove other members');
    assertMembershipCanChange(room);
    if (!members.some((m) => m.userId === userId)) return undefined;
    if (isLastOwner(members, userId)) {
      throw badRequest('the last owner cannot leave the room: promote another member first, or delete the room');
    }
    const channels = room.type === 'workspace' ? await channelsOf([room.id], tx) : [];
    writeMembers(
      tx,
      room,
      members.filter((m) => m.userId !== userId),
    );
    for (const id of [room.id, ...channels.map((c) => c.id)]) tx.delete(settingsRef(id, userId));
    return access;
  });
}

/** Promotes (owner: true) or demotes a member. Demoting the last owner is refused. */
export async function setOwner(roomId: string, requesterId: string, userId: string, owner: boolean): Promise<MemberAccess> {
  return firestore().runTransaction(async (tx) => {
    const access = await getRoomForOwner(roomId, requesterId, { tx });
    const { room, members } = access;
    assertMembershipCanChange(room);
    const target = members.find((m) => m.userId === userId);
    if (!target) throw notFound('member');
    if (!owner && target.owner && isLastOwner(members, userId)) {
      throw badRequest('the last owner cannot be demoted: promote another member first');
    }
    if (target.owner !== owner) writeMembers(tx, room, members.map((m) => (m.userId === userId ? { ...m, owner } : m)));
    return access;
  });
}
