import { getRoomForMember } from '../../../shared/access/rooms.js';
import { roomTypes } from '../../../shared/rooms/model.js';
import { anyCaseEnum, anyCaseEnumValue } from '../../../shared/validation/any-case-enum.js';
import { results } from '../../../shared/registry/types.js';
import { operation } from '../../../shared/registry/define.js';
import { maxGroupMembers } from '../rules/limits.js';
import { planRoomCreation } from '../rules/room-creation.js';
import { noContent, pathIds, uuid } from '../schemas/common.js';
import { room, roomDescription, roomList, roomName } from '../schemas/room.js';
import { createRoom } from '../store/create-room.js';
import { deleteRoom, updateRoom } from '../store/room-admin.js';
import { listRoomViews, memberRoomView } from '../store/room-views.js';
import { roomView } from '../views.js';

const extraFieldNames = ['members', 'settings'] as const;

export const listRoom = operation({
  name: 'listRoom',
  summary: 'Lists every room the user is a member of; workspaces carry their channels in children.',
  description:
    "`extraFields` (repeated or comma-separated, any letter case) adds `members` to the top-level rooms and/or the user's `settings` to every room but workspaces.",
  bindings: { http: [{ method: 'GET', path: '/rooms' }] },
  permission: 'authenticated user (their own rooms)',
  request: {
    type: 'object',
    properties: { extraFields: { type: 'array', items: anyCaseEnum(extraFieldNames) } },
  },
  response: roomList,
}).handle(async (ctx, input) => {
  const fields = new Set(
    (input.extraFields ?? []).flatMap((f) => f.split(',')).map((f) => anyCaseEnumValue(extraFieldNames, f.trim(), 'extraFields')),
  );
  return listRoomViews(ctx.principal.userId, { members: fields.has('members'), settings: fields.has('settings') });
});

export const insertRoom = operation({
  name: 'insertRoom',
  summary: 'Creates a room; the requester joins it as an owner.',
  description:
    'Every member must be a known user (404 for the first unknown). one_to_one: exactly one other member and no name or description, both owners, unique per pair (409). group: a name and at least two other members; workspace: at least two other members; both at most CHATS_MAX_GROUP_MEMBERS in all. channel: no members, parentId naming a workspace the requester owns. temporary: a name, any members within the limit. `type` is matched in any letter case.',
  bindings: { http: [{ method: 'POST', path: '/rooms' }] },
  permission: 'authenticated user; owner of the parent workspace for a channel',
  rest: { body: 'json' },
  successStatus: 201,
  request: {
    type: 'object',
    properties: {
      type: anyCaseEnum(roomTypes),
      name: roomName,
      description: roomDescription,
      parentId: uuid,
      membersIds: { type: 'array', items: uuid },
    },
    required: ['type'],
  },
  response: room,
}).handle(async (ctx, input) => {
  const { userId, networkId } = ctx.principal;
  const type = anyCaseEnumValue(roomTypes, input.type, 'type');
  const plan = planRoomCreation({ ...input, type }, userId, maxGroupMembers());
  const created = await createRoom(ctx.events, plan, userId, networkId);
  return memberRoomView(await getRoomForMember(created.id, userId), userId);
});

export const getRoom = operation({
  name: 'getRoom',
  summary: "Returns a room with its members and the requester's settings (members only).",
  bindings: { http: [{ method: 'GET', path: '/rooms/{roomId}' }] },
  permission: 'room member',
  request: pathIds('roomId'),
  response: room,
}).handle(async (ctx, input) => {
  const access = await getRoomForMember(input.roomId, ctx.principal.userId);
  return memberRoomView(access, ctx.principal.userId);
});

export const updateRoomOperation = operation({
  name: 'updateRoom',
  summary: "Changes a room's name and/or description (owners only; not one_to_one rooms).",
  description:
    'Only what differs from the stored room changes (and is announced); a group needs a name or a description (400). The answer is the room without members or settings.',
  bindings: { http: [{ method: 'PUT', path: '/rooms/{roomId}' }] },
  permission: 'room owner',
  rest: { body: 'json' },
  request: {
    type: 'object',
    properties: { roomId: uuid, name: roomName, description: roomDescription },
    required: ['roomId'],
  },
  response: room,
}).handle(async (ctx, input) => {
  const { userId } = ctx.principal;
  const { room: updated } = await updateRoom(ctx.events, input.roomId, userId, { name: input.name, description: input.description });
  return roomView(updated);
});

export const deleteRoomOperation = operation({
  name: 'deleteRoom',
  summary: 'Deletes a room (owners only; not one_to_one rooms, 403); a workspace takes its channels with it. An unknown room answers 204.',
  bindings: { http: [{ method: 'DELETE', path: '/rooms/{roomId}' }] },
  permission: 'room owner',
  successStatus: 204,
  request: pathIds('roomId'),
  response: noContent,
}).handle(async (ctx, input) => {
  await deleteRoom(ctx.events, input.roomId, ctx.principal.userId);
  return results.empty(204);
});
