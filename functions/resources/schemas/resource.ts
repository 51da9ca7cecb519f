import type { JSONSchema } from 'json-schema-to-ts';
import { uploadTargetSchema } from '../../../shared/content/upload-target.js';
import { MAX_PAGE_SIZE } from '../../../shared/resources/listing.js';
import { placementProperties } from '../../../shared/resources/placement.js';
import { idSchema, programmaticActionWithChildren, resourceInputSchema, resourceSchema } from '../../../shared/resources/schema.js';

export { placementProperties };

function object<const P extends Record<string, JSONSchema>, const R extends ReadonlyArray<keyof P & string> = []>(
  properties: P,
  required?: R,
) {
  return { type: 'object', additionalProperties: false, required: (required ?? []) as R, properties } as const;
}

const belongingSchema = { type: 'string', minLength: 3, maxLength: 400 } as const;
const roomIdSchema = { type: 'string', minLength: 1, maxLength: 128 } as const;
/** At most this many resources per batch call: one transaction holds them with their directories' counts. */
export const MAX_BATCH = 100;
const idList = { type: 'array', items: idSchema, minItems: 1, maxItems: MAX_BATCH } as const;
/** A page has 20 resources unless the client asks for another size, at most MAX_PAGE_SIZE (400 beyond). */
export const DEFAULT_PAGE_SIZE = 20;
const offsetSchema = { type: 'integer', minimum: 0, maximum: 100_000, default: 0 } as const;
const sizeSchema = { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } as const;

export const empty = { type: 'object', additionalProperties: false, properties: {} } as const;
export const resourceEnvelope = { type: 'object', required: ['resource'], properties: { resource: resourceSchema } } as const;
export const resourceList = {
  type: 'object',
  required: ['resources'],
  properties: { resources: { type: 'array', items: resourceSchema } },
} as const;
/** resource.createMetadata answers the Resource itself, with the upload session beside its fields. */
export const resourceWithUpload = { ...resourceSchema, properties: { ...resourceSchema.properties, upload: uploadTargetSchema } } as const;
export const envelopeWithUpload = {
  ...resourceEnvelope,
  properties: { ...resourceEnvelope.properties, upload: uploadTargetSchema },
} as const;

export const createRequest = object({ resource: resourceInputSchema, ...placementProperties });
export const createDirectoryRequest = object({
  title: { type: 'string', maxLength: 1000 },
  belonging: belongingSchema,
  networkId: placementProperties.networkId,
});
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
export const searchResponse = {
  type: 'object',
  required: ['resources', 'nextCursor', 'hasMore'],
  properties: { resources: { type: 'array', items: resourceSchema }, nextCursor: { type: 'string' }, hasMore: { type: 'boolean' } },
} as const;
export const listBelongingRequest = object({ belonging: belongingSchema, offset: offsetSchema, size: sizeSchema }, ['belonging']);
export const belongingRequest = object({ belonging: belongingSchema }, ['belonging']);

const { title, description, location, date, category } = resourceInputSchema.properties;
const attributes = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { title, description, location, date, category },
} as const;
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
export const moveRequest = object({ resourceId: idSchema, networkId: placementProperties.networkId, belonging: belongingSchema }, [
  'resourceId',
  'belonging',
]);

export const sortingTableGetRequest = object({ offset: offsetSchema, size: sizeSchema, subscribe: { type: 'boolean' } });
export const sortingTableContent = {
  type: 'object',
  required: ['content'],
  properties: { content: { type: 'array', items: resourceSchema } },
} as const;
export const idsRequest = object({ resources: idList }, ['resources']);
export const idsResponse = {
  type: 'object',
  required: ['resources'],
  properties: { resources: { type: 'array', items: idSchema } },
} as const;
export const roomIdRequest = object({ roomId: roomIdSchema }, ['roomId']);
export const roomIdsRequest = object({ room: roomIdSchema, resources: idList }, ['room', 'resources']);
export const roomIdsResponse = {
  type: 'object',
  required: ['room', 'resources'],
  properties: { room: { type: 'string' }, resources: { type: 'array', items: idSchema } },
} as const;
