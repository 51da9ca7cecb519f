import type { AnyOperation, EventDefinition } from '../../shared/registry/types.js';
import { userEvents } from './events.js';
import { deleteUserPicture, getUserPicture, updateUserPicture } from './operations/user-picture.js';
import { getCapabilities, getUser, getUsers } from './operations/users.js';

/** Seed 003 users: profiles, capabilities, user pictures. */
export const operations: AnyOperation[] = [getUsers, getCapabilities, getUser, getUserPicture, updateUserPicture, deleteUserPicture];

export const events: EventDefinition[] = Object.values(userEvents);
