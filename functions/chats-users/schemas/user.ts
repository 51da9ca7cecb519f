import { dateTime, uuid } from './common.js';

export const user = {
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
} as const;

const integer = { type: 'integer', minimum: 0 } as const;
const flag = { type: 'boolean' } as const;

export const capabilities = {
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
} as const;
