import { getRoomForMember } from '../../../shared/access/rooms.js';
import { results } from '../../../shared/registry/types.js';
import { operation } from '../../../shared/registry/define.js';
import { dateTime, noContent, pathIds, uuid } from '../schemas/common.js';
import { member } from '../schemas/room.js';
import { addMember, removeMember, setOwner } from '../store/membership.js';
import { memberView } from '../views.js';

export const listRoomMember = operation({
  name: 'listRoomMember',
  summary: "Lists a room's members (members only); a channel lists its workspace's members.",
  bindings: { http: [{ method: 'GET', path: '/rooms/{roomId}/members' }] },
  permission: 'room member',
  request: pathIds('roomId'),
  response: { type: 'array', items: member },
}).handle(async (ctx, input) => {
  const { members } = await getRoomForMember(input.roomId, ctx.principal.userId);
  return members.map(memberView);
});

export const insertRoomMember = operation({
  name: 'insertRoomMember',
  summary: 'Adds a user to a room (owners only); historyCleared hides the earlier history from them.',
  description:
    'The user must be a known user (404, checked first). Not for one_to_one rooms or channels (400); a full room or a user already a member is 400. `owner` defaults to false.',
  bindings: { http: [{ method: 'POST', path: '/rooms/{roomId}/members' }] },
  permission: 'room owner',
  rest: { body: 'json' },
  successStatus: 201,
  request: {
    type: 'object',
    properties: { roomId: uuid, userId: uuid, owner: { type: 'boolean', default: false }, historyCleared: { type: 'boolean' } },
    required: ['roomId', 'userId', 'historyCleared'],
  },
  response: {
    type: 'object',
    description: 'The new member; clearedAt when the history was cleared for them.',
    properties: { userId: uuid, owner: { type: 'boolean' }, clearedAt: dateTime },
    required: ['userId', 'owner'],
    additionalProperties: false,
  },
}).handle(async (ctx, input) => {
  return addMember(ctx.events, input.roomId, ctx.principal.userId, {
    userId: input.userId,
    owner: input.owner,
    historyCleared: input.historyCleared,
  });
});

export const deleteRoomMember = operation({
  name: 'deleteRoomMember',
  summary: 'Removes a member: the requester leaving, or an owner removing someone else (a kick).',
  description:
    'Removing a user who is not a member answers 204. The last owner cannot leave while others stay (400); the last member leaving deletes the room.',
  bindings: { http: [{ method: 'DELETE', path: '/rooms/{roomId}/members/{userId}' }] },
  permission: 'room member (themselves) or room owner',
  successStatus: 204,
  request: pathIds('roomId', 'userId'),
  response: noContent,
}).handle(async (ctx, input) => {
  await removeMember(ctx.events, input.roomId, ctx.principal.userId, input.userId);
  return results.empty(204);
});

export const updateToOwner = operation({
  name: 'updateToOwner',
  summary: 'Promotes a member to owner (owners only; not oneself, 400; a user who is not a member, 403).',
  bindings: { http: [{ method: 'PUT', path: '/rooms/{roomId}/members/{userId}/owner' }] },
  permission: 'room owner',
  successStatus: 204,
  request: pathIds('roomId', 'userId'),
  response: noContent,
}).handle(async (ctx, input) => {
  await setOwner(ctx.events, input.roomId, ctx.principal.userId, input.userId, true);
  return results.empty(204);
});

export const deleteOwner = operation({
  name: 'deleteOwner',
  summary: 'Demotes an owner to plain member (owners only; not oneself, 400; a user who is not a member, 403).',
  bindings: { http: [{ method: 'DELETE', path: '/rooms/{roomId}/members/{userId}/owner' }] },
  permission: 'room owner',
  successStatus: 204,
  request: pathIds('roomId', 'userId'),
  response: noContent,
}).handle(async (ctx, input) => {
  await setOwner(ctx.events, input.roomId, ctx.principal.userId, input.userId, false);
  return results.empty(204);
});
