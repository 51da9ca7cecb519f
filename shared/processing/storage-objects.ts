import type { File } from '@google-cloud/storage';
import { bucket } from '../gcp/clients.js';
import { isNotFound } from '../gcp/status-codes.js';

export interface ObjectInfo {
  generation: string;
  size: number;
  contentType?: string;
}

/** Generation, size and content type of an object; undefined when it does not exist. */
export async function objectInfo(path: string): Promise<ObjectInfo | undefined> {
  try {
    const [metadata] = await bucket().file(path).getMetadata();
    return { generation: String(metadata.generation), size: Number(metadata.size ?? 0), contentType: metadata.contentType };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
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
