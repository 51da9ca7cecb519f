import { notFound } from '../../../shared/errors/api-error.js';
import { getRoomForMember } from '../../../shared/access/rooms.js';
import { readMeeting } from '../../../shared/rooms/repository.js';
import { operation } from '../../../shared/registry/define.js';
import { pathIds } from '../schemas/common.js';
import { meeting } from '../schemas/meeting.js';

export const getMeetingByRoomId = operation({
  name: 'getMeetingByRoomId',
  summary: 'Returns the meeting of a room (members only).',
  bindings: { http: [{ method: 'GET', path: '/rooms/{roomId}/meeting' }] },
  permission: 'room member',
  request: pathIds('roomId'),
  response: meeting,
}).handle(async (ctx, input) => {
  const { room } = await getRoomForMember(input.roomId, ctx.principal.userId);
  const record = await readMeeting(room.meetingId);
  if (!record) throw notFound('meeting');
  return {
    id: record.id,
    roomId: record.roomId,
    name: record.name,
    meetingType: record.meetingType,
    active: record.active,
    createdAt: record.createdAt,
    participants: [],
  };
});
