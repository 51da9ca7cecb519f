import { idSchema } from '../../../shared/resources/schema.js';
import { DOCUMENT_ID_PATTERN } from '../../../shared/validation/firestore-limits.js';

const reaction = { type: 'string', minLength: 1, maxLength: 64 } as const;
/** a comment id becomes part of a document id */
const optionalId = { type: 'string', minLength: 1, maxLength: 128, pattern: DOCUMENT_ID_PATTERN } as const;

export const setReactionRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['resource', 'reaction'],
  properties: { resource: idSchema, comment: optionalId, room: idSchema, reaction },
} as const;

export const deleteReactionRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['resource'],
  properties: { resource: idSchema, comment: optionalId, room: idSchema, reaction },
} as const;

export const byResourceRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceId'],
  properties: { resourceId: idSchema },
} as const;

export const emptyResponse = { type: 'object', additionalProperties: false, properties: {} } as const;

export const userReactions = {
  type: 'object',
  required: ['reactions', 'total', 'ownReaction'],
  additionalProperties: false,
  properties: {
    reactions: {
      type: 'array',
      items: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'string' }], items: { type: 'string' }, minItems: 2, maxItems: 2 },
    },
    total: { type: 'integer', minimum: 0 },
    ownReaction: { type: 'string' },
  },
} as const;

export const ownReaction = {
  type: 'object',
  required: ['ownReaction'],
  additionalProperties: false,
  properties: { ownReaction: { type: 'string' } },
} as const;

export const userSimple = {
  type: 'object',
  required: ['id', 'firstName', 'lastName', 'privacyMode'],
  properties: {
    id: { type: 'string' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    privacyMode: { enum: [0, 1] },
    avatar: { type: 'string' },
    avatar3D: {
      type: 'object',
      properties: {
        assetId: { type: 'string' },
        assetSkins: { type: 'object' },
        avatarUrl: { type: 'string' },
        avatarUserId: { type: 'string' },
      },
    },
    companyName: { type: 'string' },
    companyTitle: { type: 'string' },
  },
} as const;

export const reactionEventPayload = {
  type: 'object',
  required: ['room', 'resource', 'reaction'],
  properties: {
    room: { type: 'string' },
    resource: { type: 'string' },
    reaction: {
      type: 'object',
      required: ['updated', 'reaction', 'fromUser'],
      properties: { updated: { type: 'integer' }, reaction: { type: 'string' }, fromUser: userSimple },
    },
  },
} as const;
