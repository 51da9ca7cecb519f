import type { Transaction } from '@google-cloud/firestore';
import { resourceAccess } from '../access/resources.js';
import type { Principal } from '../auth/principal.js';
import { forbidden, notFound } from '../errors/api-error.js';
import { parseBelonging } from './belonging.js';
import { readResource } from './collection.js';
import type { ResourceDoc } from './model.js';
import type { BelongingChain } from './tree.js';

export { resources, resourceRef, readResource } from './collection.js';

export async function loadResource(id: string, tx?: Transaction): Promise<ResourceDoc | undefined> {
  return readResource(id, tx);
}

/** A resource with where it is, up to its root belonging. */
export interface LocatedResource {
  doc: ResourceDoc;
  chain: BelongingChain;
}

async function locate(principal: Principal, id: string, mode: 'read' | 'write', tx?: Transaction): Promise<LocatedResource> {
  const doc = await readResource(id, tx);
  const access = doc ? await resourceAccess(principal, doc, tx) : undefined;
  if (!doc || !access?.read) throw notFound('resource');
  if (mode === 'write' && !access.write) throw forbidden(`only the owner of resource ${id} or a manager of its belonging may change it`);
  // an owner's resource under a missing directory is placed at its own belonging
  const belonging = parseBelonging(doc.belonging);
  return { doc, chain: access.chain ?? { belonging, root: belonging, directories: [] } };
}

/** The resource and its place when the caller may see it; one the caller may not see answers exactly like a missing one. */
export const locateVisibleResource = (principal: Principal, id: string, tx?: Transaction) => locate(principal, id, 'read', tx);

/** As {@link locateVisibleResource}, and 403 when the caller sees the resource (a room member, say) but may not change it. */
export const locateWritableResource = (principal: Principal, id: string, tx?: Transaction) => locate(principal, id, 'write', tx);

/** Loads a resource the caller may see; one the caller may not see answers exactly like a missing one. */
export async function getVisibleResource(principal: Principal, id: string, tx?: Transaction): Promise<ResourceDoc> {
  return (await locateVisibleResource(principal, id, tx)).doc;
}

export async function getWritableResource(principal: Principal, id: string, tx?: Transaction): Promise<ResourceDoc> {
  return (await locateWritableResource(principal, id, tx)).doc;
}
