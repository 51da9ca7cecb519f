import { roomTypes } from '../../../shared/rooms/model.js';
import { dateTime, uuid } from './common.js';

export const roomType = { type: 'string', enum: roomTypes } as const;

export const member = {
  type: 'object',
  description: "A user's membership of a room.",
  properties: { userId: uuid, owner: { type: 'boolean' } },
  required: ['userId', 'owner'],
  additionalProperties: false,
} as const;

export const roomUserSettings = {
  type: 'object',
  description: 'The preferences the requester has set for a room; clearedAt only once the history was cleared.',
  properties: { muted: { type: 'boolean' }, clearedAt: dateTime },
  required: ['muted'],
  additionalProperties: false,
} as const;

export const roomName = { type: 'string', minLength: 1, maxLength: 128 } as const;
export const roomDescription = { type: 'string', minLength: 0, maxLength: 256 } as const;

const roomProperties = {
  id: uuid,
  type: roomType,
  // one_to_one rooms carry empty names, hence no minLength on output
  name: { type: 'string', maxLength: 128 },
  description: roomDescription,
  parentId: uuid,
  membersIds: { type: 'array', items: uuid },
  rank: { type: 'integer' },
  meetingId: uuid,
  createdAt: dateTime,
  updatedAt: dateTime,
  pictureUpdatedAt: dateTime,
  members: { type: 'array', items: member },
  userSettings: roomUserSettings,
} as const;

const roomDescriptionText = 'A room: group, one_to_one, workspace, channel (inside a workspace) or temporary.';

/** A channel (or any room that is not a workspace): never has children. */
const childRoom = {
  type: 'object',
  description: roomDescriptionText,
  properties: { ...roomProperties, children: { type: 'array', maxItems: 0 } },
  required: ['id', 'createdAt', 'updatedAt'],
  additionalProperties: false,
} as const;

/** Only workspaces have children (their channels), and channels have none. */
export const room = {
  type: 'object',
  description: roomDescriptionText,
  properties: { ...roomProperties, children: { type: 'array', items: childRoom } },
  required: ['id', 'createdAt', 'updatedAt'],
  additionalProperties: false,
} as const;
export const roomList = { type: 'array', items: room } as const;
