import { conflict, notFound } from '../../../shared/errors/api-error.js';
import type { Principal } from '../../../shared/auth/principal.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { getVisibleResource } from '../../../shared/resources/repository.js';

/** A resource of the caller still waiting for its bytes: 404 to anyone else, 409 once the bytes are in or for a link. */
export async function pendingResourceOf(principal: Principal, id: string): Promise<ResourceDoc> {
  const resource = await getVisibleResource(principal, id);
  if (resource.ownerId !== principal.userId) throw notFound('resource');
  if (resource.linkId) throw conflict(`resource ${id} is a link: it shares the content of ${resource.linkId}, upload to that resource`);
  if (resource.status !== 'pending') throw conflict(`the content of resource ${id} was uploaded already (status ${resource.status})`);
  return resource;
}
