import type { File } from '@google-cloud/storage';
import { bucket } from './clients.js';
import { hasStorageStatus, isNotFound, StorageStatus } from './status-codes.js';

/**
 * Reading and writing Cloud Storage objects of the content bucket: one module for every family and
 * job. Where each object lives is said by shared/data-layout.ts.
 */

/** What reads, completion and processing need to know about a stored object. */
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

/** The object's bytes; undefined when it does not exist. */
export async function downloadObject(path: string): Promise<Buffer | undefined> {
  try {
    const [data] = await bucket().file(path).download();
    return data;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The first `length` bytes of an object (enough to sniff its type). */
export async function downloadHead(path: string, length: number): Promise<Buffer> {
  const [data] = await bucket()
    .file(path)
    .download({ start: 0, end: length - 1 });
  return data;
}

/** Writes an object in one request and answers its new generation. */
export async function saveObject(path: string, data: Buffer, contentType: string, cacheControl?: string): Promise<string> {
  const file: File = bucket().file(path);
  await file.save(data, { resumable: false, contentType, metadata: cacheControl ? { cacheControl } : {} });
  return String(file.metadata.generation);
}

/** Deletes every object under `prefix` for which `keep` is false. */
export async function pruneObjects(prefix: string, keep: (name: string) => boolean): Promise<number> {
  const [files] = await bucket().getFiles({ prefix });
  const stale = files.filter((f) => !keep(f.name));
  await Promise.all(stale.map((f) => f.delete({ ignoreNotFound: true })));
  return stale.length;
}
