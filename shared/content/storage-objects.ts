import type { File } from '@google-cloud/storage';
import { bucket } from '../gcp/clients.js';
import { hasStorageStatus, isNotFound, StorageStatus } from '../gcp/status-codes.js';

/** What reads and completion need to know about a stored object. */
export interface ObjectInfo {
  path: string;
  /** int64 as a decimal string */
  generation: string;
  size: number;
  contentType?: string;
  md5Hash?: string;
  updated?: string;
}

/** The live version of an object, or undefined when there is none. */
export async function objectInfo(path: string): Promise<ObjectInfo | undefined> {
  try {
    const [metadata] = await bucket().file(path).getMetadata();
    return {
      path,
      generation: String(metadata.generation),
      size: Number(metadata.size ?? 0),
      contentType: metadata.contentType,
      md5Hash: metadata.md5Hash,
      updated: metadata.updated,
    };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** One generation of an object: reads of it never mix bytes of two uploads. */
export function objectVersion(info: Pick<ObjectInfo, 'path' | 'generation'>): File {
  return bucket().file(info.path, { generation: info.generation });
}

/** The first `bytes` bytes of one generation of an object. */
export async function readHead(info: Pick<ObjectInfo, 'path' | 'generation' | 'size'>, bytes: number): Promise<Buffer> {
  if (info.size === 0) return Buffer.alloc(0);
  const end = Math.min(bytes, info.size) - 1;
  const chunks: Buffer[] = [];
  for await (const chunk of objectVersion(info).createReadStream({ start: 0, end, validation: false })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Deletes one generation of an object; an object already gone (or replaced) is left alone. */
export async function deleteObjectVersion(info: Pick<ObjectInfo, 'path' | 'generation'>): Promise<void> {
  try {
    await bucket().file(info.path).delete({ ifGenerationMatch: info.generation });
  } catch (err) {
    if (!isNotFound(err) && !hasStorageStatus(err, StorageStatus.PRECONDITION_FAILED)) throw err;
  }
}
