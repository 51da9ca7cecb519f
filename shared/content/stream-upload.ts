import { pipeline } from 'node:stream/promises';
import { badRequest, conflict } from '../errors/api-error.js';
import { bucket } from '../gcp/clients.js';
import type { BinaryContent } from '../registry/types.js';
import { ByteLimit } from '../streams/byte-limit.js';
import { assertDeclaredSize, contentTooLarge, maxUploadBytes } from './limits.js';
import { StoragePaths } from '../data-layout.js';
import { hasStorageStatus, StorageStatus } from '../gcp/status-codes.js';

export interface StoredOriginal {
  objectPath: string;
  generation: string;
  size: number;
}

/**
 * Streams a request body into `originals/{resourceId}`: 413 from Content-Length before anything
 * is read, 400 for an empty body, then 413 as soon as the bytes themselves pass MAX_UPLOAD_BYTES.
 * The object is written in one request that is aborted on failure, so a refused body leaves no
 * object behind; it is only created if none exists (a second upload answers 409).
 */
export async function streamOriginal(resourceId: string, content: BinaryContent | undefined): Promise<StoredOriginal> {
  if (!content) throw badRequest('the content is missing from the request body');
  assertDeclaredSize(content.declaredLength);
  const chunks = content.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let first = await chunks.next();
  while (!first.done && first.value.length === 0) first = await chunks.next();
  if (first.done) throw badRequest('the request body is empty: send the file as the body');
  const head = first.value;
  const body = async function* () {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  };
  const limit = new ByteLimit(maxUploadBytes(), contentTooLarge);
  const objectPath = StoragePaths.original(resourceId);
  const file = bucket().file(objectPath);
  const sink = file.createWriteStream({
    resumable: false,
    validation: false,
    contentType: 'application/octet-stream',
    metadata: { metadata: { resourceId } },
    preconditionOpts: { ifGenerationMatch: 0 },
  });
  try {
    await pipeline(body, limit, sink);
  } catch (err) {
    if (hasStorageStatus(err, StorageStatus.PRECONDITION_FAILED)) throw conflict('the content of this resource was uploaded already');
    throw err;
  }
  return { objectPath, generation: String(file.metadata.generation), size: limit.bytes };
}
