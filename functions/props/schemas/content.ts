import { resourceSchema } from '../../../shared/resources/schema.js';
import { target } from './common.js';

const idList = { type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 500, uniqueItems: true } as const;

export const contentRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId', 'propId'],
  properties: {
    ...target,
    offset: { type: 'integer', minimum: 0, default: 0 },
    size: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;

export const changeContentRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId', 'propId'],
  properties: {
    ...target,
    appendToListEnd: { type: 'boolean', description: "true: at the end, false: at the start; absent: where the prop's contentAppend says" },
    moveToProp: idList,
    removeFromProp: idList,
  },
} as const;

export const positionRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId', 'propId', 'resource', 'position'],
  properties: { ...target, resource: { type: 'string', format: 'uuid' }, position: { type: 'integer', minimum: 0 } },
} as const;

export const contentResponse = {
  type: 'object',
  required: ['content', 'counts'],
  properties: {
    content: { type: 'array', items: resourceSchema },
    counts: {
      type: 'object',
      required: ['logoCount', 'thumbnailCount'],
      properties: { logoCount: { type: 'integer' }, thumbnailCount: { type: 'integer' } },
    },
  },
} as const;
