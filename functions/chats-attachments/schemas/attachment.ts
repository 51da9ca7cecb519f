import { dateTime, uuid } from './common.js';

export const attachment = {
  type: 'object',
  description: 'A file shared in a room.',
  properties: {
    id: uuid,
    name: { type: 'string' },
    size: { type: 'integer', minimum: 0 },
    mimeType: { type: 'string' },
    userId: uuid,
    roomId: uuid,
    createdAt: dateTime,
    area: { type: 'string' },
  },
  required: ['id', 'name', 'size', 'mimeType', 'userId', 'roomId'],
  additionalProperties: false,
} as const;

export const attachmentsPage = {
  type: 'object',
  description: 'A page of attachments, newest first; filter (present when more follow) asks for the next page.',
  properties: { filter: { type: 'string' }, attachments: { type: 'array', items: attachment } },
  required: ['attachments'],
  additionalProperties: false,
} as const;

export const fileIdentifier = {
  type: 'object',
  properties: { id: uuid },
  required: ['id'],
  additionalProperties: false,
} as const;
