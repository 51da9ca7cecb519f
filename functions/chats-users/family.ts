import { defineFamily } from '../../shared/registry/define.js';
import { userEvents } from './events.js';
import { deleteUserPicture, getUserPicture, updateUserPicture } from './operations/user-picture.js';
import { getCapabilities, getUser, getUsers } from './operations/users.js';

export const chatsUsersFamily = defineFamily('chats-users', {
  description: 'Chats (seed 003): users, capabilities and user pictures',
  defaults: { restStyle: 'chats' },
  operations: [getUsers, getCapabilities, getUser, getUserPicture, updateUserPicture, deleteUserPicture],
  events: Object.values(userEvents),
});
