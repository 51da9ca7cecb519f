import type { JsonSchema } from '../../../shared/registry/types.js';
import { dateTime, uuid } from './common.js';

export const meeting: JsonSchema = {
  type: 'object',
  description: 'The meeting (video call space) attached to a room.',
  properties: {
    id: uuid,
    roomId: uuid,
    name: { type: 'string' },
    meetingType: { type: 'string', enum: ['permanent', 'scheduled'] },
    active: { type: 'boolean' },
    createdAt: dateTime,
  },
  required: ['id', 'roomId', 'meetingType', 'active', 'createdAt'],
  additionalProperties: false,
};
