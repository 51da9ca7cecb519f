import type { Transaction } from '@google-cloud/firestore';
import type { Principal } from '../auth/principal.js';
import { forbidden, notFound } from '../errors/api-error.js';
import type { RoomMember, RoomRecord } from '../rooms/model.js';
import { readRoom } from '../rooms/repository.js';

/** A room as one user sees it: channels carry the workspace whose members they share. */
export interface RoomAccess {
  room: RoomRecord;
  /** The parent workspace, for channels. */
  workspace?: RoomRecord;
  /** Everyone who may enter the room (the workspace's members for a channel). */
  members: RoomMember[];
  /** The user's membership, when the user is a member. */
  member?: RoomMember;
}

export type MemberAccess = RoomAccess & { member: RoomMember };

export interface AccessOptions {
  tx?: Transaction;
  /**
   * Answer 404 instead of 403 to users who are not members. Seed 003 answers 403 (as its
   * reference system does); other families hide rooms a caller may not see.
   */
  hideFromNonMembers?: boolean;
}

/** The members of a room: its own, or its workspace's for a channel. */
export function membersOf(room: RoomRecord, workspace?: RoomRecord): RoomMember[] {
  return room.type === 'channel' ? (workspace?.members ?? []) : room.members;
}

/** Loads a room with what the user may do in it; undefined when the room does not exist. */
export async function loadRoomAccess(roomId: string, userId: string, tx?: Transaction): Promise<RoomAccess | undefined> {
  const room = await readRoom(roomId, tx);
  if (!room) return undefined;
  let workspace: RoomRecord | undefined;
  if (room.type === 'channel') {
    workspace = room.parentId ? await readRoom(room.parentId, tx) : undefined;
    // A channel whose workspace is gone is being deleted with it.
    if (!workspace) return undefined;
  }
  const members = membersOf(room, workspace);
  return { room, workspace, members, member: members.find((m) => m.userId === userId) };
}

/** The access of a member: 403 (or 404 when hiding rooms from non-members) for others. */
export function requireMember(access: RoomAccess, userId: string, options: AccessOptions = {}): MemberAccess {
  if (access.member) return access as MemberAccess;
  if (options.hideFromNonMembers) throw notFound('room');
  throw forbidden(`user ${userId} is not a member of room ${access.room.id}`);
}

/** The access of an owner: 403 for members who are not owners (and as {@link requireMember} for others). */
export function requireOwner(access: RoomAccess, userId: string, options: AccessOptions = {}): MemberAccess {
  const member = requireMember(access, userId, options);
  if (!member.member.owner) throw forbidden(`user ${userId} is not an owner of room ${access.room.id}`);
  return member;
}

/** The room, when the user is one of its members: 404 for an unknown room, 403 (or 404) otherwise. */
export async function getRoomForMember(roomId: string, userId: string, options: AccessOptions = {}): Promise<MemberAccess> {
  const access = await loadRoomAccess(roomId, userId, options.tx);
  if (!access) throw notFound('room');
  return requireMember(access, userId, options);
}

/** The room, when the user is one of its owners: 403 for members who are not owners. */
export async function getRoomForOwner(roomId: string, userId: string, options: AccessOptions = {}): Promise<MemberAccess> {
  const access = await loadRoomAccess(roomId, userId, options.tx);
  if (!access) throw notFound('room');
  return requireOwner(access, userId, options);
}

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

/** The workspace a room is part of: itself for a workspace, the parent of a channel, none otherwise. */
export async function workspaceOfRoom(roomId: string, tx?: Transaction): Promise<string | undefined> {
  const room = await readRoom(roomId, tx);
  if (room?.type === 'workspace') return room.id;
  if (room?.type === 'channel') return room.parentId;
  return undefined;
}
