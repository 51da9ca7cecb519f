import type { AnyOperation, EventDefinition } from '../../shared/registry/types.js';
import { roomEvents } from './events.js';
import { forwardMessages } from './operations/forward.js';
import { getMeetingByRoomId } from './operations/meeting.js';
import { deleteOwner, deleteRoomMember, insertRoomMember, listRoomMember, updateToOwner } from './operations/members.js';
import { clearRoomHistory, muteRoom, unmuteRoom } from './operations/preferences.js';
import { updateChannelsRank, updateWorkspacesRank } from './operations/ranks.js';
import { deleteRoomPicture, getRoomPicture, updateRoomPicture } from './operations/room-picture.js';
import { deleteRoomOperation, getRoom, insertRoom, listRoom, updateRoomOperation } from './operations/rooms.js';

/** Seed 003 rooms: rooms, members, preferences, ranks, meeting, forwarding, room pictures. */
export const operations: AnyOperation[] = [
  listRoom,
  insertRoom,
  getRoom,
  updateRoomOperation,
  deleteRoomOperation,
  getRoomPicture,
  updateRoomPicture,
  deleteRoomPicture,
  muteRoom,
  unmuteRoom,
  clearRoomHistory,
  updateWorkspacesRank,
  updateChannelsRank,
  listRoomMember,
  insertRoomMember,
  deleteRoomMember,
  updateToOwner,
  deleteOwner,
  getMeetingByRoomId,
  forwardMessages,
];

export const events: EventDefinition[] = Object.values(roomEvents);
