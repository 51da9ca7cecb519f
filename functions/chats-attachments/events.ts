import { defineEvent } from '../../shared/registry/types.js';
import { family } from './define.js';
import { attachment, uuid } from './schemas.js';

export const attachmentEvents = {
  attachmentAdded: defineEvent({
    extension: true,
    name: 'chats:attachmentAdded',
    family,
    summary: 'A file was attached in the room.',
    channel: 'room',
    payload: {
      type: 'object',
      properties: { roomId: uuid, attachment },
      required: ['roomId', 'attachment'],
      additionalProperties: false,
    },
  }),
  attachmentDeleted: defineEvent({
    extension: true,
    name: 'chats:attachmentDeleted',
    family,
    summary: "A room's attachment was deleted.",
    channel: 'room',
    payload: {
      type: 'object',
      properties: { roomId: uuid, fileId: uuid },
      required: ['roomId', 'fileId'],
      additionalProperties: false,
    },
  }),
};
