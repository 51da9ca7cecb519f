import type { JsonSchema } from '../../../shared/registry/types.js';
import { roomTypes } from '../../../shared/rooms/model.js';
import { dateTime, uuid } from './common.js';

export const roomType: JsonSchema = { type: 'string', enum: [...roomTypes] };

export const member: JsonSchema = {
  type: 'object',
  description: "A user's membership of a room.",
  properties: { userId: uuid, owner: { type: 'boolean' } },
  required: ['userId', 'owner'],
  additionalProperties: false,
};

export const roomUserSettings: JsonSchema = {
  type: 'object',
  description: 'The preferences the requester has set for a room; clearedAt only once the history was cleared.',
  properties: { muted: { type: 'boolean' }, clearedAt: dateTime },
  required: ['muted'],
  additionalProperties: false,
};

export const roomName: JsonSchema = { type: 'string', minLength: 1, maxLength: 128 };
export const roomDescription: JsonSchema = { type: 'string', minLength: 0, maxLength: 256 };

function roomSchema(withChildren: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {
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
  };
  // Only workspaces have children (their channels), and channels have none.
  properties.children = withChildren ? { type: 'array', items: roomSchema(false) } : { type: 'array', maxItems: 0 };
  return {
    type: 'object',
    description: 'A room: group, one_to_one, workspace, channel (inside a workspace) or temporary.',
    properties,
    required: ['id', 'createdAt', 'updatedAt'],
    additionalProperties: false,
  };
}

export const room: JsonSchema = roomSchema(true);
export const roomList: JsonSchema = { type: 'array', items: room };
