import { revokeForUsers } from '../../../shared/access/revocations.js';
import { subscribersOf } from '../../../shared/events/subscriptions.js';
import { getRoomForMember } from '../../../shared/rooms/access.js';
import type { RoomType } from '../../../shared/rooms/model.js';
import { results } from '../../../shared/registry/types.js';
import { roomEvents } from '../events.js';
import { roomsOperation } from '../define.js';
import { maxGroupMembers } from '../rules/limits.js';
import { planRoomCreation } from '../rules/room-creation.js';
import { noContent, pathIds, uuid } from '../schemas/common.js';
import { room, roomDescription, roomList, roomName, roomType } from '../schemas/room.js';
import { createRoom } from '../store/create-room.js';
import { deleteRoom, updateRoom } from '../store/room-admin.js';
import { listRoomViews, memberRoomView } from '../store/room-views.js';

const extraField = '(members|settings)';

export const listRoom = roomsOperation<{ extraFields?: string[] }, unknown>({
  name: 'listRoom',
  summary: 'Lists every room the user is a member of; workspaces carry their channels in children.',
  description: '`extraFields` (repeated or comma-separated) adds `members` and/or the user\'s `settings` to each room.',
  bindings: { http: [{ method: 'GET', path: '/rooms' }] },
  permission: 'authenticated user (their own rooms)',
  request: {
    type: 'object',
    properties: {
      extraFields: { type: 'array', items: { type: 'string', pattern: `^${extraField}(,${extraField})*$` } },
    },
  },
  response: roomList,
  handler: async (ctx, input) => {
    const fields = new Set((input.extraFields ?? []).flatMap((f) => f.split(',')));
    return listRoomViews(ctx.principal.userId, { members: fields.has('members'), settings: fields.has('settings') });
  },
});

interface InsertRoomInput {
  type: RoomType;
  name?: string;
  description?: string;
  parentId?: string;
  membersIds?: string[];
}

export const insertRoom = roomsOperation<InsertRoomInput, unknown>({
  name: 'insertRoom',
  summary: 'Creates a room; the requester joins it as an owner.',
  description:
    'one_to_one: exactly one other member, both owners, unique per pair (409). group and workspace: a name and at least two other members, at most CHATS_MAX_GROUP_MEMBERS in all. channel: a name, no members, parentId naming a workspace the requester owns. temporary: any members within the limit.',
  bindings: { http: [{ method: 'POST', path: '/rooms' }] },
  permission: 'authenticated user; owner of the parent workspace for a channel',
  rest: { body: 'json' },
  successStatus: 201,
  request: {
    type: 'object',
    properties: {
      type: roomType,
      name: roomName,
      description: roomDescription,
      parentId: uuid,
      membersIds: { type: 'array', items: uuid },
    },
    required: ['type'],
  },
  response: room,
  handler: async (ctx, input) => {
    const { userId, networkId } = ctx.principal;
    const plan = planRoomCreation(input, userId, maxGroupMembers());
    const created = await createRoom(plan, userId, networkId);
    ctx.events.emit(roomEvents.roomCreated.name, `room:${created.id}`, { roomId: created.id, type: created.type, createdBy: userId });
    return memberRoomView(await getRoomForMember(created.id, userId), userId);
  },
});

export const getRoom = roomsOperation<{ roomId: string }, unknown>({
  name: 'getRoom',
  summary: "Returns a room with its members and the requester's settings (members only).",
  bindings: { http: [{ method: 'GET', path: '/rooms/{roomId}' }] },
  permission: 'room member',
  request: pathIds('roomId'),
  response: room,
  handler: async (ctx, input) => {
    const access = await getRoomForMember(input.roomId, ctx.principal.userId);
    return memberRoomView(access, ctx.principal.userId);
  },
});

export const updateRoomOperation = roomsOperation<{ roomId: string; name?: string; description?: string }, unknown>({
  name: 'updateRoom',
  summary: "Changes a room's name and/or description (owners only; not one_to_one rooms).",
  bindings: { http: [{ method: 'PUT', path: '/rooms/{roomId}' }] },
  permission: 'room owner',
  rest: { body: 'json' },
  request: {
    type: 'object',
    properties: { roomId: uuid, name: roomName, description: roomDescription },
    required: ['roomId'],
  },
  response: room,
  handler: async (ctx, input) => {
    const { userId } = ctx.principal;
    const access = await updateRoom(input.roomId, userId, { name: input.name, description: input.description });
    const { room: updated } = access;
    ctx.events.emit(roomEvents.roomUpdated.name, `room:${updated.id}`, {
      roomId: updated.id,
      name: updated.name,
      description: updated.description,
      updatedAt: updated.updatedAt,
    });
    return memberRoomView(access, userId);
  },
});

export const deleteRoomOperation = roomsOperation<{ roomId: string }, unknown>({
  name: 'deleteRoom',
  summary: 'Deletes a room (owners only); a workspace takes its channels with it. An unknown room answers 204.',
  bindings: { http: [{ method: 'DELETE', path: '/rooms/{roomId}' }] },
  permission: 'room owner',
  successStatus: 204,
  request: pathIds('roomId'),
  response: noContent,
  handler: async (ctx, input) => {
    const deleted = await deleteRoom(input.roomId, ctx.principal.userId);
    for (const r of deleted) ctx.events.emit(roomEvents.roomDeleted.name, `room:${r.id}`, { roomId: r.id });
    if (deleted.length > 0) {
      // after roomDeleted: every socket that was on the rooms leaves them, and what it saw only through them
      const channels = deleted.map((r) => `room:${r.id}`);
      const subscribers = [...(await subscribersOf(channels)).values()].flatMap((users) => [...users]);
      await revokeForUsers(ctx, [...deleted.flatMap((r) => r.memberIds), ...subscribers], channels);
    }
    return results.empty(204);
  },
});
