import { completeUpload } from '../../shared/content/completion.js';
import { streamOriginal } from '../../shared/content/stream-upload.js';
import { createUploadTarget } from '../../shared/content/upload-target.js';
import { conflict, notFound } from '../../shared/errors/api-error.js';
import type { Principal } from '../../shared/auth/principal.js';
import type { BinaryContent } from '../../shared/registry/types.js';
import { toClientResource, type ResourceDoc } from '../../shared/resources/model.js';
import { getVisibleResource } from '../../shared/resources/repository.js';
import { contentOperation } from './define.js';
import { resourceAnswer, uploadContentRequest, uploadTarget, uploadTargetRequest } from './schemas.js';

const ownerOnly = 'owner of the resource (others: 404)';

/** A resource of the caller still waiting for its bytes: 404 to anyone else, 409 once the bytes are in or for a link. */
async function pendingResourceOf(principal: Principal, id: string): Promise<ResourceDoc> {
  const resource = await getVisibleResource(principal, id);
  if (resource.ownerId !== principal.userId) throw notFound('resource');
  if (resource.linkId) throw conflict(`resource ${id} is a link: it shares the content of ${resource.linkId}, upload to that resource`);
  if (resource.status !== 'pending') throw conflict(`the content of resource ${id} was uploaded already (status ${resource.status})`);
  return resource;
}

export const uploadContent = contentOperation<{ id: string; content?: BinaryContent }, unknown>({
  name: 'resource.uploadContent',
  extension: true,
  summary: 'Upload resource content through the API: the request body is the file',
  description:
    'The body (any Content-Type; the type is sniffed from the bytes) becomes the resource\'s original. 413 when Content-Length ' +
    'or the bytes pass MAX_UPLOAD_BYTES (nothing is stored); 400 for an empty body; 409 when the content was uploaded already. ' +
    'Answers the resource, now `processing` with `metadata.fileSize` and `metadata.contentType`; a processing job is published ' +
    'and `resource:updated` (and the belonging\'s variant) announced. Cloud Functions take bodies up to 32 MiB: larger files go ' +
    'through the resumable upload target.',
  bindings: { http: [{ method: 'PUT', path: '/api/v0/resource/{id}/content' }] },
  permission: ownerOnly,
  rest: { body: 'binary' },
  request: uploadContentRequest,
  response: resourceAnswer,
  handler: async (ctx, input) => {
    await pendingResourceOf(ctx.principal, input.id);
    const stored = await streamOriginal(input.id, input.content);
    const completion = await completeUpload(stored.objectPath, stored.generation, ctx.log);
    if (completion.kind === 'ignored') throw conflict(`the content of resource ${input.id} was not accepted: ${completion.reason}`);
    for (const event of completion.events) ctx.events.emit(event.endpoint, event.channel, event.data);
    return toClientResource(completion.resource);
  },
});

export const createUploadTargetOperation = contentOperation<{ id: string }, unknown>({
  name: 'resource.createUploadTarget',
  extension: true,
  summary: 'Open a direct upload to Cloud Storage for a resource still waiting for its content',
  description:
    'Answers `{ url, method: "PUT", objectPath, expiresAt }`: a resumable upload session the client PUTs the bytes to directly ' +
    '(the same target resource creation answers; ask again when it expired). Completion is detected from the bucket\'s ' +
    'notification. 409 once the content was uploaded or for a link resource.',
  bindings: { http: [{ method: 'POST', path: '/api/v0/resource/{id}/upload' }] },
  permission: ownerOnly,
  rest: { body: 'none' },
  request: uploadTargetRequest,
  response: uploadTarget,
  handler: async (ctx, input) => createUploadTarget(await pendingResourceOf(ctx.principal, input.id)),
});
