import { firestore } from '../gcp/clients.js';
import { canReadResource } from '../access/resources.js';
import { notFound } from '../errors/api-error.js';
import type { Principal } from '../auth/principal.js';
import { RESOURCES, type ResourceDoc } from './model.js';

export const resources = () => firestore().collection(RESOURCES);

export async function loadResource(id: string): Promise<ResourceDoc | undefined> {
  const snap = await resources().doc(id).get();
  return snap.exists ? (snap.data() as ResourceDoc) : undefined;
}

/** Loads a resource the caller may see; one the caller may not see answers exactly like a missing one. */
export async function getVisibleResource(principal: Principal, id: string): Promise<ResourceDoc> {
  const doc = await loadResource(id);
  if (!doc || !canReadResource(principal, doc)) throw notFound('resource');
  return doc;
}
