import { defineFamily } from '../../shared/registry/define.js';
import { roomEvents } from './events.js';
import { forwardMessages } from './operations/forward.js';
import { getMeetingByRoomId } from './operations/meeting.js';
import { deleteOwner, deleteRoomMember, insertRoomMember, listRoomMember, updateToOwner } from './operations/members.js';
import { clearRoomHistory, muteRoom, unmuteRoom } from './operations/preferences.js';
import { updateChannelsRank, updateWorkspacesRank } from './operations/ranks.js';
import { deleteRoomPicture, getRoomPicture, updateRoomPicture } from './operations/room-picture.js';
import { deleteRoomOperation, getRoom, insertRoom, listRoom, updateRoomOperation } from './operations/rooms.js';

export const chatsRoomsFamily = defineFamily('chats-rooms', {
  description: 'Chats (seed 003): rooms, members, mute/clear, ranks, meetings, forwarding and room pictures',
  defaults: { restStyle: 'chats' },
  operations: [
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
  ],
  events: Object.values(roomEvents),
});
