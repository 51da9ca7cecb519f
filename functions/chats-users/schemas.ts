import type { JsonSchema } from '../../shared/registry/types.js';

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const noContent: JsonSchema = { description: 'no content (204)' };

export const user: JsonSchema = {
  type: 'object',
  description: 'A user as Chats shows it; email only when known, pictureUpdatedAt only once a picture was set.',
  properties: {
    id: uuid,
    // absent when the user's token carried no email
    email: { type: 'string', format: 'email' },
    name: { type: 'string' },
    type: { type: 'string', enum: ['internal', 'guest'] },
    pictureUpdatedAt: dateTime,
    statusMessage: { type: 'string' },
  },
  required: ['id', 'name'],
  additionalProperties: false,
};

const integer: JsonSchema = { type: 'integer', minimum: 0 };
const flag: JsonSchema = { type: 'boolean' };

export const capabilities: JsonSchema = {
  type: 'object',
  properties: {
    canSeeMessageReads: flag,
    canSeeUsersPresence: flag,
    canVideoCall: flag,
    canVideoCallRecord: flag,
    canUseVirtualBackground: flag,
    editMessageTimeLimitInMinutes: integer,
    deleteMessageTimeLimitInMinutes: integer,
    maxGroupMembers: integer,
    maxRoomImageSizeInKb: integer,
    maxUserImageSizeInKb: integer,
  },
  required: [
    'canSeeMessageReads',
    'canSeeUsersPresence',
    'canVideoCall',
    'canVideoCallRecord',
    'canUseVirtualBackground',
    'editMessageTimeLimitInMinutes',
    'deleteMessageTimeLimitInMinutes',
    'maxGroupMembers',
    'maxRoomImageSizeInKb',
    'maxUserImageSizeInKb',
  ],
  additionalProperties: false,
};
