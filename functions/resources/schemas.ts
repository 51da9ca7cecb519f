import type { JsonSchema } from '../../shared/registry/types.js';
import { MAX_PAGE_SIZE } from '../../shared/resources/listing.js';
import { placementProperties } from '../../shared/resources/placement.js';
import { idSchema, programmaticActionWithChildren, resourceInputSchema, resourceSchema } from '../../shared/resources/schema.js';

export { placementProperties };

const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

const belongingSchema = { type: 'string', minLength: 3, maxLength: 400 } as const;
const roomIdSchema = { type: 'string', minLength: 1, maxLength: 128 } as const;
/** At most this many resources per batch call: one transaction holds them with their directories' counts. */
export const MAX_BATCH = 100;
const idList: JsonSchema = { type: 'array', items: idSchema, minItems: 1, maxItems: MAX_BATCH };
/** A page has 20 resources unless the client asks for another size, at most MAX_PAGE_SIZE (400 beyond). */
export const DEFAULT_PAGE_SIZE = 20;
const offsetSchema = { type: 'integer', minimum: 0, maximum: 100_000, default: 0 } as const;
const sizeSchema = { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } as const;

export const empty: JsonSchema = { type: 'object', additionalProperties: false, properties: {} };
export const resourceEnvelope: JsonSchema = { type: 'object', required: ['resource'], properties: { resource: resourceSchema } };
export const resourceList: JsonSchema = { type: 'object', required: ['resources'], properties: { resources: { type: 'array', items: resourceSchema } } };

export const createRequest = object({ resource: resourceInputSchema, ...placementProperties });
export const createDirectoryRequest = object({ title: { type: 'string', maxLength: 1000 }, belonging: belongingSchema, networkId: placementProperties.networkId });
export const createLinkRequest = object({ resource: idSchema, ...placementProperties }, ['resource']);

export const getRequest = object({ resource: idSchema }, ['resource']);
export const infoRequest = object({ resourceId: idSchema }, ['resourceId']);
export const fromNetworkRequest = object({ resourceId: idSchema, networkId: roomIdSchema }, ['resourceId', 'networkId']);
export const resourceIdRequest = object({ resourceId: idSchema }, ['resourceId']);
export const subscribeRequest = object({ resource: idSchema }, ['resource']);

export const searchRequest = object(
  {
    belonging: belongingSchema,
    query: { type: 'string', maxLength: 500 },
    cursor: { type: 'string', maxLength: 1000 },
    limit: sizeSchema,
  },
  ['belonging'],
);
export const searchResponse: JsonSchema = {
  type: 'object',
  required: ['resources', 'nextCursor', 'hasMore'],
  properties: { resources: { type: 'array', items: resourceSchema }, nextCursor: { type: 'string' }, hasMore: { type: 'boolean' } },
};
export const listBelongingRequest = object({ belonging: belongingSchema, offset: offsetSchema, size: sizeSchema }, ['belonging']);
export const belongingRequest = object({ belonging: belongingSchema }, ['belonging']);

const attributes: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: Object.fromEntries(['title', 'description', 'location', 'date', 'category'].map((k) => [k, (resourceInputSchema.properties as Record<string, JsonSchema>)[k]])),
};
export const updateAttributesRequest = object(
  {
    resource: idSchema,
    attributes,
    params: {
      type: 'object',
      description: 'merged into customParams key by key; a null value removes the key',
      propertyNames: { minLength: 1, maxLength: 200, not: { pattern: '^__.*__$' } },
    },
    actions: { type: 'array', items: programmaticActionWithChildren, maxItems: 1000 },
  },
  ['resource'],
);
export const moveRequest = object({ resourceId: idSchema, networkId: placementProperties.networkId, belonging: belongingSchema }, ['resourceId', 'belonging']);

export const sortingTableGetRequest = object({ offset: offsetSchema, size: sizeSchema, subscribe: { type: 'boolean' } });
export const sortingTableContent: JsonSchema = { type: 'object', required: ['content'], properties: { content: { type: 'array', items: resourceSchema } } };
export const idsRequest = object({ resources: idList }, ['resources']);
export const idsResponse: JsonSchema = { type: 'object', required: ['resources'], properties: { resources: { type: 'array', items: idSchema } } };
export const roomIdRequest = object({ roomId: roomIdSchema }, ['roomId']);
export const roomIdsRequest = object({ room: roomIdSchema, resources: idList }, ['room', 'resources']);
export const roomIdsResponse: JsonSchema = {
  type: 'object',
  required: ['room', 'resources'],
  properties: { room: { type: 'string' }, resources: { type: 'array', items: idSchema } },
};
