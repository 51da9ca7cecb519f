import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { payloadTooLarge } from '../../../shared/errors/api-error.js';
import { bucket } from '../../../shared/gcp/clients.js';
import { isNotFound } from '../../../shared/pictures/store.js';
import type { BinaryContent } from '../../../shared/registry/types.js';

/** Counts the bytes going through and fails with 413 past `maxBytes`. */
class ByteLimit extends Transform {
  bytes = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) callback(tooLarge(this.maxBytes));
    else callback(null, chunk);
  }
}

const tooLarge = (maxBytes: number) => payloadTooLarge(`the attachment is larger than the maximum of ${maxBytes} bytes`);

/**
 * Streams an upload into Cloud Storage at `path` without holding it in memory, refusing more
 * than `maxBytes` (413). Returns the number of bytes stored. Nothing is left behind on failure.
 */
export async function streamToStorage(path: string, content: BinaryContent, contentType: string, maxBytes: number): Promise<number> {
  if (content.declaredLength !== undefined && content.declaredLength > maxBytes) throw tooLarge(maxBytes);
  const limit = new ByteLimit(maxBytes);
  const file = bucket().file(path);
  try {
    await pipeline(content.stream, limit, file.createWriteStream({ resumable: false, contentType }));
    return limit.bytes;
  } catch (err) {
    await file.delete().catch((e: unknown) => {
      if (!isNotFound(e)) throw e;
    });
    throw err;
  }
}
