import type { JsonSchema } from '../../shared/registry/types.js';
import { idSchema, resourceInputSchema, resourceSchema } from '../../shared/resources/schema.js';

/** Placement fields shared by every create-like call of seed 000. */
export const placementProperties = {
  parent: idSchema,
  roomId: { type: 'string', minLength: 1, maxLength: 128 },
  contributeToRoom: { type: 'string', minLength: 1, maxLength: 128 },
  addToSortingTable: { type: 'boolean' },
  belonging: { type: 'string', minLength: 3, maxLength: 400 },
  networkId: { type: 'string', minLength: 1, maxLength: 128 },
} as const;

export const createRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { resource: resourceInputSchema, ...placementProperties },
};

export const resourceEnvelope: JsonSchema = {
  type: 'object',
  required: ['resource'],
  properties: { resource: resourceSchema },
};

export const getRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['resource'],
  properties: { resource: idSchema },
};

export const infoRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceId'],
  properties: { resourceId: idSchema },
};
