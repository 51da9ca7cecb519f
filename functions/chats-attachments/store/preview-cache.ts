import { bucket } from '../../../shared/gcp/clients.js';
import { isNotFound } from '../../../shared/gcp/status-codes.js';
import { StoragePaths } from '../../../shared/data-layout.js';

/** Cloud Storage path of one rendered variant of an attachment's preview. */
export const previewPath = (fileId: string, variant: string): string => `${StoragePaths.attachmentPreviews(fileId)}${variant}`;

/**
 * The preview `variant` of an attachment: read from Cloud Storage when it was rendered before,
 * otherwise rendered now and stored for the next request.
 */
export async function cachedPreview(fileId: string, variant: string, contentType: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const file = bucket().file(previewPath(fileId, variant));
  try {
    const [bytes] = await file.download();
    return bytes;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const bytes = await render();
  await file.save(bytes, { resumable: false, contentType });
  return bytes;
}
