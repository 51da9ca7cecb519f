import { event } from '../../shared/registry/define.js';
import { dateTime, uuid } from './schemas/common.js';

export const userEvents = {
  pictureChanged: event({
    extension: true,
    name: 'chats:userPictureChanged',
    summary: "The user's picture was set or replaced (sent to the user and to everyone sharing a room with them).",
    channel: 'user',
    payload: {
      type: 'object',
      properties: { userId: uuid, pictureUpdatedAt: dateTime },
      required: ['userId', 'pictureUpdatedAt'],
      additionalProperties: false,
    },
  }),
  pictureDeleted: event({
    extension: true,
    name: 'chats:userPictureDeleted',
    summary: "The user's picture was removed (sent to the user and to everyone sharing a room with them).",
    channel: 'user',
    payload: { type: 'object', properties: { userId: uuid }, required: ['userId'], additionalProperties: false },
  }),
};
