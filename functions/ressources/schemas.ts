import { uploadTargetSchema } from '../../shared/content/upload-target.js';
import type { JsonSchema } from '../../shared/registry/types.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const ids = { type: 'array', items: uuid, maxItems: 500, uniqueItems: true } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const object = (properties: Record<string, unknown>, required: string[] = []): JsonSchema => ({ type: 'object', additionalProperties: false, required, properties });

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

export const byIdRequest: JsonSchema = object({ ressourceId: uuid }, ['ressourceId']);

export const updateRequest: JsonSchema = { ...object({ ressourceId: uuid, avatar: uuid, privacy: privacySchema }, ['ressourceId']), minProperties: 2 };

const privacyView: JsonSchema = {
  type: 'object',
  required: ['value', 'perms', 'allow', 'deny'],
  properties: {
    value: { enum: ['WORKSPACE', 'SELF', 'CUSTOM'] },
    perms: { enum: ['READ', 'SPEAK', 'WRITE'] },
    allow: { type: 'array', items: { type: 'string' } },
    deny: { type: 'array', items: { type: 'string' } },
  },
};

/** The seed 004 view of a resource; `title` and `description` are the resource's own (an addition, so listings can be shown). */
export const ressourceSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'privacy', 'created_time', 'updated_time'],
  additionalProperties: false,
  properties: {
    id: uuid,
    title: { type: 'string' },
    description: { type: 'string' },
    avatar: uuid,
    owner: uuid,
    workspace: uuid,
    privacy: privacyView,
    created_time: dateTime,
    updated_time: dateTime,
  },
};

export const successSchema: JsonSchema = object({ success: { const: true } }, ['success']);

const title = { type: 'string', maxLength: 1000 } as const;
const description = { type: 'string', maxLength: 10000 } as const;
const publishFields = { title, description, avatar: uuid, privacy: privacySchema };

export const publishRequest: JsonSchema = object(publishFields);
export const publishToWorkspaceRequest: JsonSchema = object({ ...publishFields, workspace: uuid });

/** A published ressource, with the resumable upload session its bytes (if any) go to, as resource creation answers. */
export const publishedSchema: JsonSchema = {
  ...ressourceSchema,
  required: [...(ressourceSchema.required as string[]), 'upload'],
  properties: { ...(ressourceSchema.properties as object), upload: uploadTargetSchema },
};

export const MAX_PAGE_SIZE = 100;
const paging = {
  cursor: { type: 'string', maxLength: 1000 },
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
} as const;

export const listRequest: JsonSchema = object(paging);
export const listWorkspaceRequest: JsonSchema = object({ ...paging, workspace: uuid });
export const pagedRequest: JsonSchema = object({ ressourceId: uuid, ...paging }, ['ressourceId']);

const page = (name: string, items: JsonSchema): JsonSchema =>
  object({ [name]: { type: 'array', items }, nextCursor: { type: 'string' }, hasMore: { type: 'boolean' } }, [name, 'nextCursor', 'hasMore']);

export const ressourcePageSchema = page('ressources', ressourceSchema);

const actor = object({ id: uuid, type: { enum: ['user', 'workspace'] } }, ['id', 'type']);

export const photoSchema: JsonSchema = object(
  {
    id: uuid,
    title: { type: 'string' },
    status: { enum: ['pending', 'processing', 'ready', 'failed'] },
    content_type: { type: 'string' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    from: actor,
    added_time: dateTime,
  },
  ['id', 'status', 'from', 'added_time'],
);
export const photoPageSchema = page('photos', photoSchema);

/** Attaching a photo: a JSON body `{ photo }` (read by the handler) names an image resource; any other body is the image itself. */
export const attachPhotoRequest: JsonSchema = object(
  { ressourceId: uuid, content: { type: 'object' }, fileName: { type: 'string', maxLength: 1000 } },
  ['ressourceId'],
);

export const feedEntrySchema: JsonSchema = object(
  {
    id: { type: 'string' },
    type: { enum: ['created', 'updated', 'privacy_changed', 'photo_added', 'reaction_set', 'reaction_deleted'] },
    from: actor,
    created_time: dateTime,
    fields: { type: 'array', items: { type: 'string' } },
    privacy: privacyView,
    photo: uuid,
    reaction: { type: 'string' },
  },
  ['id', 'type', 'from', 'created_time'],
);
export const feedPageSchema = page('feed', feedEntrySchema);
