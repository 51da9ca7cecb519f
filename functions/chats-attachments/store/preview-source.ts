import { badRequest } from '../../../shared/errors/api-error.js';
import { bucket } from '../../../shared/gcp/clients.js';
import { mimeEssence, sniffContentType } from '../../../shared/media/index.js';
import { StoragePaths } from '../../../shared/data-layout.js';

/** Raster formats previews are made from (sniffed from the bytes; SVG and unknown formats are refused). */
const imageTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/tiff', 'image/avif', 'image/bmp', 'image/heic']);

async function download(fileId: string): Promise<{ bytes: Buffer; type: string }> {
  const [bytes] = await bucket().file(StoragePaths.attachment(fileId)).download();
  return { bytes, type: mimeEssence(await sniffContentType(bytes)) };
}

/** The attachment's bytes when they are an image; 400 otherwise. */
export async function imageSource(fileId: string): Promise<Buffer> {
  const { bytes, type } = await download(fileId);
  if (!imageTypes.has(type)) throw badRequest('the file is not an image that can be previewed');
  return bytes;
}

/** The attachment's bytes when they are a PDF; 400 otherwise. */
export async function pdfSource(fileId: string): Promise<Buffer> {
  const { bytes, type } = await download(fileId);
  if (type !== 'application/pdf') throw badRequest('the file is not a PDF that can be previewed');
  return bytes;
}
