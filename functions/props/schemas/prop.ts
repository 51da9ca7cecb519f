import type { FromSchema } from 'json-schema-to-ts';
import type { JsonSchema } from '../../../shared/registry/types.js';
import { programmaticActionWithChildren } from '../../../shared/resources/schema.js';
import { propIdSchema, roomIdSchema, target } from './common.js';

const str = { type: 'string', maxLength: 2048 } as const;
const text = { type: 'string', maxLength: 20000 } as const;
const xyz = {
  type: 'object',
  additionalProperties: false,
  properties: { x: { type: 'number' }, y: { type: 'number' }, z: { type: 'number' } },
} as const;

export const contentSortingSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { type: { enum: ['default', 'name', 'date', 'type', 'size'] }, direction: { enum: ['asc', 'desc'] } },
} as const;

/** The fields of seed 001's prop model a prop manager sets; the rest (id, room, times) the server keeps. */
export const propFieldsSchema = {
  mobileGeometry: {
    type: 'object',
    additionalProperties: false,
    properties: { scale: { type: 'number' }, size: xyz, position: xyz, rotation: xyz },
  },
  title: { type: 'string', maxLength: 1000 },
  description: text,
  tags: { type: 'array', items: str, maxItems: 100 },
  propTypes: {
    type: 'array',
    uniqueItems: true,
    items: { enum: ['booth', 'fileCabinet', 'socialCircleStatic', 'socialCircleDynamic', 'entireRoomChat'] },
  },
  parentId: propIdSchema,
  actionType: str,
  webLink: str,
  webTitle: str,
  isInteractive: { type: 'boolean' },
  showType: { enum: [0, 1, 2], description: '0 none, 1 gold panel, 2 booth panel' },
  contentPickerType: { enum: [0, 1, 2], description: '0 default, 1 audio container, 2 video container' },
  contentSorting: contentSortingSchema,
  contentAppend: { enum: ['start', 'end'], description: 'where new content goes when a move does not say' },
  isAllowTextchat: { type: 'boolean' },
  allowUserParams: { type: 'boolean' },
  customParams: { type: 'object', description: 'client-defined parameters' },
  actions: { type: 'array', items: programmaticActionWithChildren, maxItems: 200 },
  dataBound: { type: 'object', additionalProperties: false, properties: { isEnabled: { type: 'boolean' }, dataBoundAction: str } },
  assetId: str,
  assetTitle: str,
  assetSkins: { type: 'object', additionalProperties: str, description: 'selected skin per variant' },
  styleId: str,
  panelId: str,
  placementAreaId: str,
} as const satisfies Record<string, JsonSchema>;

/** The settable fields, typed from their schema. */
export type PropFields = FromSchema<{ type: 'object'; additionalProperties: false; properties: typeof propFieldsSchema }>;
export const propFieldNames = Object.keys(propFieldsSchema) as Array<keyof typeof propFieldsSchema>;

/** The prop model of seed 001, as answered. */
export const propSchema = {
  type: 'object',
  required: ['id', 'created', 'updated', 'roomId'],
  properties: {
    id: { type: 'string' },
    created: { type: 'integer' },
    updated: { type: 'integer' },
    roomId: { type: 'string' },
    roomTitle: { type: 'string' },
    ...propFieldsSchema,
  },
} as const;

export const propRequest = { type: 'object', additionalProperties: false, required: ['roomId', 'propId'], properties: target } as const;

export const createPropRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId'],
  properties: {
    roomId: roomIdSchema,
    propId: { ...propIdSchema, description: "the new prop's id; a new one is made when absent" },
    ...propFieldsSchema,
  },
} as const;

export const updatePropRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId', 'propId'],
  properties: { ...target, ...propFieldsSchema },
} as const;

export const listPropsRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId'],
  properties: {
    roomId: roomIdSchema,
    offset: { type: 'integer', minimum: 0, default: 0 },
    size: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

export const propResponse = { type: 'object', required: ['prop'], properties: { prop: propSchema } } as const;

export const listPropsResponse = {
  type: 'object',
  required: ['props', 'total'],
  properties: { props: { type: 'array', items: propSchema }, total: { type: 'integer', minimum: 0 } },
} as const;
