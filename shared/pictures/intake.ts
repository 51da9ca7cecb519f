import { badRequest } from '../errors/api-error.js';
import { isMediaError, mimeEssence, probeImage, sniffContentType } from '../media/index.js';
import type { BinaryContent } from '../registry/types.js';

/** Picture formats clients can display everywhere; anything else is refused. */
const pictureTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

export interface ReceivedPicture {
  bytes: Buffer;
  /** Sniffed from the bytes (shared/media), never taken from the client. */
  contentType: string;
  width: number;
  height: number;
}

/**
 * Reads an uploaded picture of at most `maxBytes` and checks by its bytes that it is an image
 * (format sniffed, header read within the pixel limit). Too large or not an image: 400, naming
 * what is wrong.
 */
export async function receivePicture(content: BinaryContent | undefined, maxBytes: number): Promise<ReceivedPicture> {
  if (!content) throw badRequest('the picture is missing from the request body');
  const tooLarge = () => badRequest(`the picture is larger than the maximum of ${Math.floor(maxBytes / 1024)} kB`);
  if (content.declaredLength !== undefined && content.declaredLength > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of content.stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(buffer);
  }
  if (size === 0) throw badRequest('the picture is empty');
  const bytes = Buffer.concat(chunks, size);
  const contentType = mimeEssence(await sniffContentType(bytes));
  if (!pictureTypes.has(contentType)) throw badRequest('the picture is not an image (JPEG, PNG, GIF or WebP expected)');
  try {
    const { displayWidth, displayHeight } = await probeImage(bytes);
    return { bytes, contentType, width: displayWidth, height: displayHeight };
  } catch (error) {
    if (isMediaError(error)) throw badRequest(`the picture cannot be used: ${error.message}`);
    throw error;
  }
}

/** A picture's declared `mimeType` must name an image type (seed 003); the bytes are checked on their own. */
export function assertImageType(mimeType: string): void {
  if (!mimeType.toLowerCase().startsWith('image/')) throw badRequest(`mimeType must be an image/ type; got "${mimeType}"`);
}
