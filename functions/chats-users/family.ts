import type { Family } from '../../shared/registry/family.js';
import { userEvents } from './events.js';
import { deleteUserPicture, getUserPicture, updateUserPicture } from './operations/user-picture.js';
import { getCapabilities, getUser, getUsers } from './operations/users.js';

export const chatsUsersFamily: Family = {
  name: 'chats-users',
  description: 'Chats (seed 003): users, capabilities and user pictures',
  operations: [getUsers, getCapabilities, getUser, getUserPicture, updateUserPicture, deleteUserPicture],
  events: Object.values(userEvents),
};
