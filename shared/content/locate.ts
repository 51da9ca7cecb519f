import type { Principal } from '../auth/principal.js';
import { conflict, notFound } from '../errors/api-error.js';
import type { ResourceDoc } from '../resources/model.js';
import { getVisibleResource, loadResource } from '../resources/repository.js';
import { StoragePaths } from '../data-layout.js';
import { objectInfo, type ObjectInfo } from '../gcp/storage-objects.js';

/** Resources live in the default network unless created elsewhere; the network read paths fall back to it. */
const DEFAULT_NETWORK = 'default';

/** The bytes a read of a resource serves. */
export interface ContentLocation {
  /** the resource asked for (possibly a link) */
  resource: ResourceDoc;
  /** the resource whose bytes are served: the resource itself, or the original a link points to */
  source: ResourceDoc;
  object: ObjectInfo;
}

/**
 * Finds the stored bytes of a resource the caller may read (404 otherwise, as if it did not exist).
 * A link resource (`linkId`; its `storagePath`, when set, the original's object) serves its original's bytes.
 * A visible resource without bytes answers 409, saying why: not uploaded yet, or holding none
 * (a directory, a remote link, content that was refused).
 */
export async function locateContent(principal: Principal, id: string, networkId?: string): Promise<ContentLocation> {
  const resource = await getVisibleResource(principal, id);
  if (networkId !== undefined && resource.networkId !== networkId && resource.networkId !== DEFAULT_NETWORK) throw notFound('resource');
  const source = resource.linkId ? await linkedOriginal(resource) : resource;
  const whose = source === resource ? `resource ${resource.id}` : `the resource ${resource.id} links to`;
  if (source.status === 'pending') throw conflict(`${whose} has no content yet: upload it first`);
  const object = await objectInfo(StoragePaths.original(source.id));
  if (!object)
    throw conflict(`${whose} holds no stored content${source.status === 'failed' && source.failure ? ` (${source.failure})` : ''}`);
  return { resource, source, object };
}

async function linkedOriginal(link: ResourceDoc): Promise<ResourceDoc> {
  const original = link.linkId ? await loadResource(link.linkId) : undefined;
  if (!original || original.linkId) throw conflict(`resource ${link.id} links to a resource that no longer exists`);
  if (link.storagePath !== undefined && link.storagePath !== StoragePaths.original(original.id))
    throw conflict(`link resource ${link.id} does not share the content of ${original.id}`);
  return original;
}

/** Encryption parameters of the served bytes, as resource:getResourceUrl answers them. */
export function encryptionOf(doc: ResourceDoc): { encryptionVersion?: string; encryptionEpoch?: number; encryptionEpk?: string } {
  return { encryptionVersion: doc.encryptionVersion, encryptionEpoch: doc.encryptionEpoch, encryptionEpk: doc.encryptionEpk };
}

/** The name a download should carry, when the uploader gave one. */
export function fileNameOf(doc: ResourceDoc): string | undefined {
  const name = doc.metadata?.fileName;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}
