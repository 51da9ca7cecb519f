import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { chatsUsersFamily } from './family.js';

export const chatsUsers = createFamilyHandler(chatsUsersFamily.operations);
http('chats-users', chatsUsers);
