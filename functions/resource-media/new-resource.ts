import { randomUUID } from 'node:crypto';
import type { OperationContext } from '../../shared/registry/types.js';
import { toClientResource, type ResourceDoc } from '../../shared/resources/model.js';
import { resources } from '../../shared/resources/repository.js';
import { resolveBelonging, type Placement } from '../resources/create.js';

/** What an import chooses for a new resource; identity, placement and ownership are filled in here. */
export type NewResourceFields = Pick<ResourceDoc, 'status'> & Partial<Pick<ResourceDoc, 'title' | 'metadata' | 'data' | 'storagePath'>>;

/**
 * Creates a resource at the placement the caller chose (as resource:create does) and queues the
 * events announcing it; they are published once the operation returns.
 */
export async function insertResource(ctx: OperationContext, placement: Placement, fields: NewResourceFields): Promise<ResourceDoc> {
  const { principal } = ctx;
  const belonging = resolveBelonging(principal, placement);
  const now = Date.now();
  const doc: ResourceDoc = {
    ...fields,
    id: randomUUID(),
    created: now,
    updated: now,
    belonging,
    belongingType: belonging.split(':')[0],
    totalReactions: 0,
    ownerId: principal.userId,
    networkId: placement.networkId ?? principal.networkId,
  };
  await resources().doc(doc.id).create(doc);
  const resource = toClientResource(doc);
  if (doc.belongingType === 'userSortingTable') ctx.events.emit('sortingTable:addResources', `user:${principal.userId}`, { resources: [resource] });
  ctx.events.emit('resource:addedToBelonging', `belonging:${belonging}`, { belonging, resources: [resource] });
  return doc;
}
