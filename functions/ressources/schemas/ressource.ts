import { uploadTargetSchema } from '../../../shared/content/upload-target.js';
import { binaryContent } from '../../../shared/registry/schema-types.js';
import { dateTime, ids, object, page, paging, uuid } from './common.js';

export const privacySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['value'],
  properties: {
    value: { enum: ['WORKSPACE', 'SELF', 'CUSTOM'] },
    perms: { enum: ['READ', 'SPEAK', 'WRITE'], default: 'READ' },
    allow: { ...ids, default: [] },
    deny: { ...ids, default: [] },
  },
} as const;

export const byIdRequest = object({ ressourceId: uuid }, ['ressourceId']);

export const updateRequest = {
  ...object({ ressourceId: uuid, avatar: uuid, privacy: privacySchema }, ['ressourceId']),
  minProperties: 2,
} as const;

const privacyView = {
  type: 'object',
  required: ['value', 'perms', 'allow', 'deny'],
  properties: {
    value: { enum: ['WORKSPACE', 'SELF', 'CUSTOM'] },
    perms: { enum: ['READ', 'SPEAK', 'WRITE'] },
    allow: { type: 'array', items: { type: 'string' } },
    deny: { type: 'array', items: { type: 'string' } },
  },
} as const;

const ressourceProperties = {
  id: uuid,
  title: { type: 'string' },
  description: { type: 'string' },
  avatar: uuid,
  owner: uuid,
  workspace: uuid,
  privacy: privacyView,
  created_time: dateTime,
  updated_time: dateTime,
} as const;

/** The seed 004 view of a resource; `title` and `description` are the resource's own (an addition, so listings can be shown). */
export const ressourceSchema = {
  type: 'object',
  required: ['id', 'privacy', 'created_time', 'updated_time'],
  additionalProperties: false,
  properties: ressourceProperties,
} as const;

export const successSchema = object({ success: { const: true } }, ['success']);

const title = { type: 'string', maxLength: 1000 } as const;
const description = { type: 'string', maxLength: 10000 } as const;
const publishFields = { title, description, avatar: uuid, privacy: privacySchema } as const;

export const publishRequest = object(publishFields);
export const publishToWorkspaceRequest = object({ ...publishFields, workspace: uuid });

/** A published ressource, with the resumable upload session its bytes (if any) go to, as resource creation answers. */
export const publishedSchema = {
  ...ressourceSchema,
  required: [...ressourceSchema.required, 'upload'],
  properties: { ...ressourceProperties, upload: uploadTargetSchema },
} as const;

export const listRequest = object(paging);
export const listWorkspaceRequest = object({ ...paging, workspace: uuid });
export const pagedRequest = object({ ressourceId: uuid, ...paging }, ['ressourceId']);

export const ressourcePageSchema = page('ressources', ressourceSchema);

const actor = object({ id: uuid, type: { enum: ['user', 'workspace'] } }, ['id', 'type']);

export const photoSchema = object(
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
export const attachPhotoRequest = object({ ressourceId: uuid, content: binaryContent, fileName: { type: 'string', maxLength: 1000 } }, [
  'ressourceId',
]);

export const feedEntrySchema = object(
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
