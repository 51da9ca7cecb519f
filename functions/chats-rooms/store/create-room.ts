import { randomUUID } from 'node:crypto';
import { badRequest, conflict, forbidden, notFound } from '../../../shared/errors/api-error.js';
import { transactionWithEvents } from '../../../shared/events/outbox.js';
import { loadRoomAccess } from '../../../shared/access/rooms.js';
import type { MeetingRecord, RoomMember, RoomRecord } from '../../../shared/rooms/model.js';
import { meetingRef, pairRef, readRoom, roomRef } from '../../../shared/rooms/repository.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { requireExistingUsers } from '../../../shared/users/directory.js';
import { roomEvents } from '../events.js';
import type { RoomCreationPlan } from '../rules/room-creation.js';

/**
 * Creates the room planned by {@link planRoomCreation} with its meeting, checking in the same
 * transaction the rules that depend on stored rooms: a second one_to_one for a pair is 409; a
 * channel needs a workspace its creator owns; every invitee must be a known user (404 for the first
 * that is not). Announced in the same commit.
 */
export async function createRoom(
  events: EventPublisher,
  plan: RoomCreationPlan,
  requesterId: string,
  networkId: string,
): Promise<RoomRecord> {
  const now = new Date().toISOString();
  const roomId = randomUUID();
  const meetingId = randomUUID();
  const members: RoomMember[] =
    plan.type === 'channel'
      ? []
      : [
          { userId: requesterId, owner: true, joinedAt: now },
          ...plan.invitedIds.map((userId) => ({ userId, owner: plan.invitedAreOwners, joinedAt: now })),
        ];
  const room: RoomRecord = {
    id: roomId,
    networkId,
    type: plan.type,
    name: plan.name,
    description: plan.description,
    members,
    memberIds: members.map((m) => m.userId),
    meetingId,
    createdAt: now,
    updatedAt: now,
  };
  const meeting: MeetingRecord = {
    id: meetingId,
    roomId,
    name: plan.name,
    meetingType: 'permanent',
    active: false,
    createdAt: now,
  };

  return transactionWithEvents(events, async (tx, sink) => {
    const pair = plan.type === 'one_to_one' ? pairRef(requesterId, plan.invitedIds[0]) : undefined;
    if (pair) {
      const existing = await tx.get(pair);
      const existingRoomId = existing.get('roomId') as string | undefined;
      if (existingRoomId && (await readRoom(existingRoomId, tx))) {
        throw conflict('a one_to_one room already exists for these two users');
      }
    }
    if (plan.type === 'channel' && plan.parentId) {
      const parent = await loadRoomAccess(plan.parentId, requesterId, tx);
      if (!parent) throw notFound('workspace');
      if (!parent.member?.owner) throw forbidden(`user ${requesterId} is not an owner of room ${plan.parentId}`);
      if (parent.room.type !== 'workspace') throw badRequest('parentId must be the id of a workspace');
      room.parentId = parent.room.id;
      room.networkId = parent.room.networkId;
    }
    await requireExistingUsers(plan.invitedIds, tx);
    tx.create(roomRef(roomId), room);
    tx.create(meetingRef(meetingId), meeting);
    if (pair) tx.set(pair, { roomId, userIds: [requesterId, plan.invitedIds[0]].sort() });
    sink.emit(roomEvents.roomCreated.name, `room:${roomId}`, { roomId, type: room.type, createdBy: requesterId });
    return room;
  });
}
