import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { chatsRoomsFamily } from './family.js';

export const chatsRooms = createFamilyHandler(chatsRoomsFamily.operations);
http('chats-rooms', chatsRooms);
