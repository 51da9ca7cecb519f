import type { JsonSchema } from '../../shared/registry/types.js';
import { programmaticActionWithChildren, resourceSchema } from '../../shared/resources/schema.js';
import { SAFE_ID_PATTERN } from '../../shared/validation/firestore-limits.js';

const str = { type: 'string' } as const;
const xyz: JsonSchema = { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' }, z: { type: 'number' } } };
export const propIdSchema = { type: 'string', pattern: SAFE_ID_PATTERN } as const;
const roomIdSchema = { type: 'string', format: 'uuid' } as const;
const idList = { type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 500, uniqueItems: true } as const;

/** The prop model of seed 001. */
export const propSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'created', 'updated', 'roomId'],
  properties: {
    id: str,
    created: { type: 'integer' },
    updated: { type: 'integer' },
    mobileGeometry: { type: 'object', properties: { scale: { type: 'number' }, size: xyz, position: xyz, rotation: xyz } },
    title: str,
    description: str,
    tags: { type: 'array', items: str },
    propTypes: { type: 'array', items: { enum: ['booth', 'fileCabinet', 'socialCircleStatic', 'socialCircleDynamic', 'entireRoomChat'] } },
    parentId: str,
    actionType: str,
    webLink: str,
    webTitle: str,
    isInteractive: { type: 'boolean' },
    showType: { enum: [0, 1, 2] },
    contentPickerType: { enum: [0, 1, 2] },
    contentSorting: {
      type: 'object',
      properties: { type: { enum: ['default', 'name', 'date', 'type', 'size'] }, direction: { enum: ['asc', 'desc'] } },
    },
    contentAppend: { enum: ['start', 'end'] },
    isAllowTextchat: { type: 'boolean' },
    allowUserParams: { type: 'boolean' },
    customParams: { type: 'object' },
    actions: { type: 'array', items: programmaticActionWithChildren },
    dataBound: { type: 'object', properties: { isEnabled: { type: 'boolean' }, dataBoundAction: str } },
    assetId: str,
    assetTitle: str,
    assetSkins: { type: 'object', additionalProperties: str },
    roomId: str,
    roomTitle: str,
    styleId: str,
    panelId: str,
    placementAreaId: str,
  },
};

const target = { roomId: roomIdSchema, propId: propIdSchema };

export const propRequest: JsonSchema = { type: 'object', additionalProperties: false, required: ['roomId', 'propId'], properties: target };

export const contentRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId', 'propId'],
  properties: { ...target, offset: { type: 'integer', minimum: 0, default: 0 }, size: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
};

export const changeContentRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId', 'propId'],
  properties: { ...target, appendToListEnd: { type: 'boolean' }, moveToProp: idList, removeFromProp: idList },
};

export const positionRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId', 'propId', 'resource', 'position'],
  properties: { ...target, resource: { type: 'string', format: 'uuid' }, position: { type: 'integer', minimum: 0 } },
};

export const updatePropRequest: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['roomId', 'propId'],
  properties: { ...target, title: { type: 'string', maxLength: 1000 }, description: { type: 'string', maxLength: 20000 } },
};

export const propResponse: JsonSchema = { type: 'object', required: ['prop'], properties: { prop: propSchema } };

export const contentResponse: JsonSchema = {
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
};

export const emptyResponse: JsonSchema = { type: 'object', additionalProperties: false, properties: {} };
