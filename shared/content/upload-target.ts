import { bucket } from '../gcp/clients.js';
import type { ResourceDoc } from '../resources/model.js';
import { assertDeclaredSize } from './limits.js';
import { StoragePaths } from '../data-layout.js';

/** Where and how a client sends a resource's bytes directly to Cloud Storage. */
export interface UploadTarget {
  /** Resumable upload session URL: PUT the whole file to it (or resume it in chunks with Content-Range). */
  url: string;
  method: 'PUT';
  objectPath: string;
  /** ms since the epoch after which the session URL no longer accepts bytes */
  expiresAt: number;
}

/** JSON Schema of an {@link UploadTarget}, for answers that carry one (e.g. `upload` beside a created resource). */
export const uploadTargetSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'method', 'objectPath', 'expiresAt'],
  properties: {
    url: { type: 'string', format: 'uri', description: 'Cloud Storage resumable upload session URL' },
    method: { enum: ['PUT'] },
    objectPath: { type: 'string' },
    expiresAt: { type: 'integer', minimum: 0, description: 'ms since the epoch' },
  },
} as const;

/** Cloud Storage keeps a resumable upload session open for a week. */
const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Opens a resumable upload session for the resource's original, `originals/{id}`. No Firestore
 * write happens here: call it before storing a new resource, so a refusal (413) leaves nothing
 * behind. When the client announced `metadata.fileSize` the session is bound to exactly that many
 * bytes (413 if it is above MAX_UPLOAD_BYTES); in any case the size is checked again when the
 * upload completes. The session only creates the object (`ifGenerationMatch=0`): once the bytes
 * are in, the original cannot be replaced through it.
 */
export async function createUploadTarget(doc: Pick<ResourceDoc, 'id' | 'metadata'>): Promise<UploadTarget> {
  const declared = declaredFileSize(doc);
  assertDeclaredSize(declared);
  const objectPath = StoragePaths.original(doc.id);
  const expiresAt = Date.now() + SESSION_LIFETIME_MS;
  const [url] = await bucket()
    .file(objectPath)
    .createResumableUpload({
      metadata: {
        ...(declared !== undefined ? { contentLength: declared } : {}),
        contentType: 'application/octet-stream',
        metadata: { resourceId: doc.id },
      },
      preconditionOpts: { ifGenerationMatch: 0 },
    });
  return { url, method: 'PUT', objectPath, expiresAt };
}

function declaredFileSize(doc: Pick<ResourceDoc, 'metadata'>): number | undefined {
  const size = doc.metadata?.fileSize;
  return typeof size === 'number' && Number.isInteger(size) && size > 0 ? size : undefined;
}
