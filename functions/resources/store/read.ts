import { rootRights } from '../../../shared/access/belongings.js';
import type { Principal } from '../../../shared/auth/principal.js';
import { notFound } from '../../../shared/errors/api-error.js';
import { resources } from '../../../shared/resources/collection.js';
import { toClientResource, type ClientResource, type ResourceDoc } from '../../../shared/resources/model.js';
import { DEFAULT_NETWORK } from '../../../shared/resources/networks.js';
import { locateVisibleResource } from '../../../shared/resources/repository.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';

/**
 * A resource of the given network, or of the default one when it is not there (seed 000
 * resource:get). Resources of other networks answer 404 like missing ones.
 */
export async function getInNetwork(principal: Principal, id: string, networkId: string): Promise<ResourceDoc> {
  const { doc } = await locateVisibleResource(principal, id);
  if (doc.networkId !== networkId && doc.networkId !== DEFAULT_NETWORK) throw notFound('resource');
  return doc;
}

/**
 * The directories above a resource, from the top one down to its own. An owner whose resource sits
 * in directories the owner may not read (another user moved them away) sees none of them.
 */
export async function listParentDirectories(principal: Principal, id: string): Promise<ClientResource[]> {
  const { chain } = await locateVisibleResource(principal, id);
  if (chain.directories.length === 0 || !(await rootRights(principal, chain.root)).read) return [];
  return [...chain.directories].reverse().map(toClientResource);
}

/** Public music: at most this many, newest first. */
export const PUBLIC_MUSIC_LIMIT = 500;

/**
 * Publicly uploaded music of the default network: ready resources placed directly in a
 * community (community content is public, see shared/access/belongings.ts) whose
 * `metadata.contentType` is `audio/*`.
 */
export async function publicMusic(): Promise<ClientResource[]> {
  const snap = await recordQuery(
    resources()
      .where('belongingType', '==', 'community')
      .where('networkId', '==', DEFAULT_NETWORK)
      .where('status', '==', 'ready')
      .where('metadata.contentType', '>=', 'audio/')
      .where('metadata.contentType', '<', 'audio0')
      .limit(PUBLIC_MUSIC_LIMIT),
  ).get();
  return snap.docs
    .map((d) => d.data() as ResourceDoc)
    .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1))
    .map(toClientResource);
}
