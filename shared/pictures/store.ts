import { bucket } from '../gcp/clients.js';
import { isNotFound } from '../gcp/status-codes.js';

export interface StoredPicture {
  bytes: Buffer;
  contentType: string;
  /** The name the uploader gave the file, when known. */
  fileName?: string;
}

export async function savePicture(path: string, bytes: Buffer, contentType: string, fileName?: string): Promise<void> {
  await bucket()
    .file(path)
    .save(bytes, {
      resumable: false,
      contentType,
      metadata: { metadata: fileName ? { fileName } : {} },
    });
}

/** The picture at `path`, or undefined when none was set. */
export async function readPicture(path: string): Promise<StoredPicture | undefined> {
  const file = bucket().file(path);
  try {
    const [[bytes], [metadata]] = await Promise.all([file.download(), file.getMetadata()]);
    const fileName = metadata.metadata?.fileName;
    return {
      bytes,
      contentType: metadata.contentType ?? 'application/octet-stream',
      fileName: typeof fileName === 'string' ? fileName : undefined,
    };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Deletes the picture; false when there was none. */
export async function deletePicture(path: string): Promise<boolean> {
  try {
    await bucket().file(path).delete();
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}
