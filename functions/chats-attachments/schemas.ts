import type { JsonSchema } from '../../shared/registry/types.js';

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const noContent: JsonSchema = { description: 'no content (204)' };

export const attachment: JsonSchema = {
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
};

export const attachmentsPage: JsonSchema = {
  type: 'object',
  description: 'A page of attachments, newest first; filter (present when more follow) asks for the next page.',
  properties: { filter: { type: 'string' }, attachments: { type: 'array', items: attachment } },
  required: ['attachments'],
  additionalProperties: false,
};

export const fileIdentifier: JsonSchema = {
  type: 'object',
  properties: { id: uuid },
  required: ['id'],
  additionalProperties: false,
};
