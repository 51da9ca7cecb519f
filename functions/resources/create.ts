import { randomUUID } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal.js';
import { forbidden } from '../../shared/errors/api-error.js';
import type { OperationContext } from '../../shared/registry/types.js';
import { formatBelonging, parseBelonging } from '../../shared/resources/belonging.js';
import { toClientResource, type ResourceDoc } from '../../shared/resources/model.js';
import { resources } from '../../shared/resources/repository.js';

export interface Placement {
  parent?: string;
  roomId?: string;
  contributeToRoom?: string;
  addToSortingTable?: boolean;
  belonging?: string;
  networkId?: string;
}

export interface CreateInput extends Placement {
  resource?: Record<string, unknown>;
}

/** Where a new resource goes: explicit belonging, a directory, a room, a room sorting table, or the caller's sorting table. */
export function resolveBelonging(principal: Principal, placement: Placement): string {
  if (placement.belonging) {
    const b = parseBelonging(placement.belonging);
    if (b.type !== 'userSortingTable' && b.type !== 'userAIGeneration' && b.type !== 'uploadSession') {
      throw forbidden(`belonging ${b.type} is not writable yet`);
    }
    if (b.path.split('/')[0] !== principal.userId) throw forbidden('belonging belongs to another user');
    return formatBelonging(b);
  }
  return formatBelonging({ type: 'userSortingTable', path: principal.userId });
}

export async function createResource(ctx: OperationContext, input: CreateInput): Promise<Record<string, unknown>> {
  const { principal } = ctx;
  const belonging = resolveBelonging(principal, input);
  const now = Date.now();
  const doc: ResourceDoc = {
    ...(input.resource ?? {}),
    id: randomUUID(),
    created: now,
    updated: now,
    belonging,
    belongingType: belonging.split(':')[0],
    status: 'pending',
    totalReactions: 0,
    ownerId: principal.userId,
    networkId: input.networkId ?? principal.networkId,
  };
  await resources().doc(doc.id).create(doc);
  const resource = toClientResource(doc);
  if (doc.belongingType === 'userSortingTable') ctx.events.emit('sortingTable:addResources', `user:${principal.userId}`, { resources: [resource] });
  ctx.events.emit('resource:addedToBelonging', `belonging:${belonging}`, { belonging, resources: [resource] });
  return resource;
}
