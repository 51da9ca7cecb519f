import { dateTime, uuid } from './common.js';

export const meeting = {
  type: 'object',
  description: 'The meeting (video call space) attached to a room.',
  properties: {
    id: uuid,
    roomId: uuid,
    name: { type: 'string' },
    meetingType: { type: 'string', enum: ['permanent', 'scheduled'] },
    active: { type: 'boolean' },
    createdAt: dateTime,
    startedAt: dateTime,
    participants: {
      type: 'array',
      description: 'Who is in the meeting now (nobody joins through this API, so it is empty here).',
      items: {
        type: 'object',
        properties: {
          userId: uuid,
          queueId: uuid,
          audioStreamEnabled: { type: 'boolean' },
          videoStreamEnabled: { type: 'boolean' },
          screenStreamEnabled: { type: 'boolean' },
          joinedAt: dateTime,
        },
        required: ['userId', 'audioStreamEnabled', 'videoStreamEnabled', 'screenStreamEnabled'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'roomId', 'meetingType', 'active', 'createdAt', 'participants'],
  additionalProperties: false,
} as const;
