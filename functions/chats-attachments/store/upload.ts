import { pipeline } from 'node:stream/promises';
import { payloadTooLarge } from '../../../shared/errors/api-error.js';
import { bucket } from '../../../shared/gcp/clients.js';
import { isNotFound } from '../../../shared/gcp/status-codes.js';
import type { BinaryContent } from '../../../shared/registry/types.js';
import { ByteLimit } from '../../../shared/streams/byte-limit.js';

const tooLarge = (maxBytes: number) => payloadTooLarge(`the attachment is larger than the maximum of ${maxBytes} bytes`);

/**
 * Streams an upload into Cloud Storage at `path` without holding it in memory, refusing more
 * than `maxBytes` (413). Returns the number of bytes stored. Nothing is left behind on failure.
 */
export async function streamToStorage(path: string, content: BinaryContent, contentType: string, maxBytes: number): Promise<number> {
  if (content.declaredLength !== undefined && content.declaredLength > maxBytes) throw tooLarge(maxBytes);
  const limit = new ByteLimit(maxBytes, tooLarge);
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
