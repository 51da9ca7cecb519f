/**
 * Writes new resources the way functions/resources/create.ts does (same ResourceDoc, same events),
 * several at once and atomically.
 */
import { randomUUID } from 'node:crypto';
import { firestore } from '../../../shared/gcp/clients.js';
import { parseBelonging } from '../../../shared/resources/belonging.js';
import { toClientResource, type ResourceDoc } from '../../../shared/resources/model.js';
import { resources } from '../../../shared/resources/repository.js';

/** What an integration decides about a new resource; the rest (ids, times, owner, placement) is filled in. */
export type ResourceDraft = Pick<ResourceDoc, 'title' | 'description' | 'date' | 'category' | 'metadata' | 'thumbnail' | 'data'> & {
  id?: string;
  status?: ResourceDoc['status'];
};

export interface Owner {
  userId: string;
  networkId: string;
}

export type Emit = (event: string, channel: string, data: unknown) => void;

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

/** Creates all drafts in `belonging` in one batch (all or none), then announces them. */
export async function insertResources(owner: Owner, belonging: string, drafts: ResourceDraft[], emit: Emit): Promise<Record<string, unknown>[]> {
  if (drafts.length > MAX_BATCH_WRITES) throw new RangeError(`at most ${MAX_BATCH_WRITES} resources can be created at once`);
  const now = Date.now();
  const docs = drafts.map((draft) => newResourceDoc(owner, belonging, draft, now));
  const batch = firestore().batch();
  for (const doc of docs) batch.create(resources().doc(doc.id), doc);
  await batch.commit();
  const created = docs.map(toClientResource);
  announceAdded(owner.userId, belonging, created, emit);
  return created;
}

/** The events of resources added to a belonging, as functions/resources/create.ts sends them. */
export function announceAdded(userId: string, belonging: string, added: Record<string, unknown>[], emit: Emit): void {
  if (added.length === 0) return;
  const { type, path } = parseBelonging(belonging);
  if (type === 'userSortingTable') emit('sortingTable:addResources', `user:${userId}`, { resources: added });
  if (type === 'directory') emit('sortingTable:addResourcesToDirectory', `user:${userId}`, { directoryId: path, resources: added });
  emit('resource:addedToBelonging', `belonging:${belonging}`, { belonging, resources: added });
}
