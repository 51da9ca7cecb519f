/**
 * Writes new resources the way functions/resources/create.ts does (same ResourceDoc, same events),
 * several at once and atomically.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../shared/auth/principal.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { parseBelonging } from '../../../shared/resources/belonging.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { insertResources as insertSharedResources } from '../../../shared/resources/insert.js';
import type { ResolvedPlacement } from '../../../shared/resources/placement.js';

/** What an integration decides about a new resource; the rest (ids, times, owner, placement) is filled in. */
export type ResourceDraft = Pick<ResourceDoc, 'title' | 'description' | 'date' | 'category' | 'metadata' | 'thumbnail' | 'data'> & {
  id?: string;
  status?: ResourceDoc['status'];
};

export interface Owner {
  userId: string;
  networkId: string;
}

/** Firestore takes at most 500 writes in one batch. */
export const MAX_BATCH_WRITES = 500;

export function newResourceDoc(owner: Owner, belonging: string, draft: ResourceDraft, now: number): ResourceDoc {
  return {
    ...draft,
    id: draft.id ?? randomUUID(),
    created: now,
    updated: now,
    belonging,
    belongingType: belonging.split(':')[0],
    status: draft.status ?? 'ready',
    totalReactions: 0,
    ownerId: owner.userId,
    networkId: owner.networkId,
  };
}

/**
 * Creates the caller's drafts at the placement exactly as resource:create does (one transaction,
 * directory counts, prop positions, events); partner resources need no processing, so they are
 * `ready` unless a draft says otherwise.
 */
export async function insertResources(events: EventPublisher, principal: Principal, placement: ResolvedPlacement, drafts: ResourceDraft[]): Promise<ResourceDoc[]> {
  return insertSharedResources(events, principal, placement, drafts.map((draft) => ({ ...draft, status: draft.status ?? 'ready' })));
}

/** The events of resources added to a belonging, as functions/resources/create.ts sends them. */
export function announceAdded(events: EventPublisher, userId: string, belonging: string, added: Record<string, unknown>[]): void {
  if (added.length === 0) return;
  const { type, path } = parseBelonging(belonging);
  if (type === 'userSortingTable') events.emit('sortingTable:addResources', `user:${userId}`, { resources: added });
  if (type === 'directory') events.emit('sortingTable:addResourcesToDirectory', `user:${userId}`, { directoryId: path, resources: added });
  events.emit('resource:addedToBelonging', `belonging:${belonging}`, { belonging, resources: added });
}
