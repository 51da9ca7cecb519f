import { event } from '../../shared/registry/define.js';
import { attachment } from './schemas/attachment.js';
import { uuid } from './schemas/common.js';

export const attachmentEvents = {
  attachmentAdded: event({
    extension: true,
    name: 'chats:attachmentAdded',
    summary: 'A file was attached in the room.',
    channel: 'room',
    payload: {
      type: 'object',
      properties: { roomId: uuid, attachment },
      required: ['roomId', 'attachment'],
      additionalProperties: false,
    },
  }),
  attachmentDeleted: event({
    extension: true,
    name: 'chats:attachmentDeleted',
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
