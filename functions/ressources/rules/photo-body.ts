import { assertDeclaredSize, contentTooLarge, maxUploadBytes } from '../../../shared/content/limits.js';
import { badRequest } from '../../../shared/errors/api-error.js';
import { mimeEssence } from '../../../shared/media/sniff.js';
import type { BinaryContent } from '../../../shared/registry/types.js';

async function readBody(content: BinaryContent): Promise<Buffer> {
  assertDeclaredSize(content.declaredLength);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of content.stream) {
    size += (chunk as Buffer).length;
    if (size > maxUploadBytes()) throw contentTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The photo `{ "photo": "<resource id>" }` of a JSON body, or the bytes when the body is the image itself. */
export async function photoReference(content: BinaryContent | undefined): Promise<{ photo?: string; bytes?: Buffer }> {
  const body = content ? await readBody(content) : Buffer.alloc(0);
  const json = content?.declaredType !== undefined && mimeEssence(content.declaredType) === 'application/json';
  if (!json) {
    if (body.length === 0) throw badRequest('the photo is missing: send the image as the body, or { "photo": "<image resource id>" }');
    return { bytes: body };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('request body is not valid JSON');
  }
  const photo = (parsed as { photo?: unknown } | null)?.photo;
  const keys = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (typeof photo !== 'string' || !uuid.test(photo) || keys.length !== 1)
    throw badRequest('photo: the body must be { "photo": "<image resource id>" }');
  return { photo };
}
