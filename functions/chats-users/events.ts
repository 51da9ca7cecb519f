import { defineEvent } from '../../shared/registry/types.js';
import { family } from './define.js';
import { dateTime, uuid } from './schemas.js';

export const userEvents = {
  pictureChanged: defineEvent({
    extension: true,
    name: 'chats:userPictureChanged',
    family,
    summary: "The user's picture was set or replaced (sent to the user and to everyone sharing a room with them).",
    channel: 'user',
    payload: {
      type: 'object',
      properties: { userId: uuid, pictureUpdatedAt: dateTime },
      required: ['userId', 'pictureUpdatedAt'],
      additionalProperties: false,
    },
  }),
  pictureDeleted: defineEvent({
    extension: true,
    name: 'chats:userPictureDeleted',
    family,
    summary: "The user's picture was removed (sent to the user and to everyone sharing a room with them).",
    channel: 'user',
    payload: { type: 'object', properties: { userId: uuid }, required: ['userId'], additionalProperties: false },
  }),
};
