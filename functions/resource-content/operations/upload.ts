import { completeUpload } from '../../../shared/content/completion.js';
import { streamOriginal } from '../../../shared/content/stream-upload.js';
import { createUploadTarget } from '../../../shared/content/upload-target.js';
import { conflict } from '../../../shared/errors/api-error.js';
import { operation } from '../../../shared/registry/define.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { resourceAnswer, uploadContentRequest, uploadTarget, uploadTargetRequest } from '../schemas/upload.js';
import { pendingResourceOf } from '../store/pending-resource.js';

const ownerOnly = 'owner of the resource (others: 404)';

export const uploadContent = operation({
  name: 'resource.uploadContent',
  extension: true,
  summary: 'Upload resource content through the API: the request body is the file',
  description:
    "The body (any Content-Type; the type is sniffed from the bytes) becomes the resource's original. 413 when Content-Length " +
    'or the bytes pass MAX_UPLOAD_BYTES (nothing is stored); 400 for an empty body; 409 when the content was uploaded already. ' +
    'Answers the resource, now `processing` with `metadata.fileSize` and `metadata.contentType`; a processing job is published ' +
    "and `resource:updated` (and the belonging's variant) announced. Cloud Functions take bodies up to 32 MiB: larger files go " +
    'through the resumable upload target.',
  bindings: { http: [{ method: 'PUT', path: '/api/v0/resource/{id}/content' }] },
  permission: ownerOnly,
  rest: { body: 'binary' },
  request: uploadContentRequest,
  response: resourceAnswer,
}).handle(async (ctx, input) => {
  await pendingResourceOf(ctx.principal, input.id);
  const stored = await streamOriginal(input.id, input.content);
  const completion = await completeUpload(stored.objectPath, stored.generation, ctx.events, ctx.log);
  if (completion.kind === 'ignored') throw conflict(`the content of resource ${input.id} was not accepted: ${completion.reason}`);
  return toClientResource(completion.resource);
});

export const createUploadTargetOperation = operation({
  name: 'resource.createUploadTarget',
  extension: true,
  summary: 'Open a direct upload to Cloud Storage for a resource still waiting for its content',
  description:
    'Answers `{ url, method: "PUT", objectPath, expiresAt }`: a resumable upload session the client PUTs the bytes to directly ' +
    "(the same target resource creation answers; ask again when it expired). Completion is detected from the bucket's " +
    'notification. 409 once the content was uploaded or for a link resource.',
  bindings: { http: [{ method: 'POST', path: '/api/v0/resource/{id}/upload' }] },
  permission: ownerOnly,
  rest: { body: 'none' },
  request: uploadTargetRequest,
  response: uploadTarget,
}).handle(async (ctx, input) => createUploadTarget(await pendingResourceOf(ctx.principal, input.id)));
