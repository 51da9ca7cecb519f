import type { JsonSchema } from '../../shared/registry/types.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const ids = { type: 'array', items: uuid, maxItems: 500, uniqueItems: true } as const;

export const privacySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['value'],
  properties: {
    value: { enum: ['WORKSPACE', 'SELF', 'CUSTOM'] },
    perms: { enum: ['READ', 'SPEAK', 'WRITE'], default: 'READ' },
    allow: { ...ids, default: [] },
    deny: { ...ids, default: [] },
  },
};

export const byIdRequest: JsonSchema = { type: 'object', additionalProperties: false, required: ['ressourceId'], properties: { ressourceId: uuid } };

export const updateRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ressourceId'],
  minProperties: 2,
  properties: { ressourceId: uuid, avatar: uuid, privacy: privacySchema },
};

/** The seed 004 view of a resource. */
export const ressourceSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'owner', 'privacy', 'created_time', 'updated_time'],
  additionalProperties: false,
  properties: {
    id: uuid,
    avatar: uuid,
    owner: uuid,
    workspace: uuid,
    privacy: {
      type: 'object',
      required: ['value', 'perms', 'allow', 'deny'],
      properties: {
        value: { enum: ['WORKSPACE', 'SELF', 'CUSTOM'] },
        perms: { enum: ['READ', 'SPEAK', 'WRITE'] },
        allow: { type: 'array', items: { type: 'string' } },
        deny: { type: 'array', items: { type: 'string' } },
      },
    },
    created_time: { type: 'string', format: 'date-time' },
    updated_time: { type: 'string', format: 'date-time' },
  },
};

export const successSchema: JsonSchema = {
  type: 'object',
  required: ['success'],
  additionalProperties: false,
  properties: { success: { const: true } },
};
