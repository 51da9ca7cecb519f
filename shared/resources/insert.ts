import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { firestore } from '../gcp/clients.js';
import type { EventPublisher } from '../registry/types.js';
import { placementFields } from './belonging.js';
import { propOf, propPositions } from './prop-positions.js';
import { emitAdded } from './change-events.js';
import { resourceRef } from './collection.js';
import { contentKind } from './directory-counts.js';
import { requireDirectories } from './live-counts.js';
import { toClientResource, type ResourceDoc } from './model.js';
import type { ResolvedPlacement } from './placement.js';
import { searchPrefixesOf } from './search-words.js';

/** What a create-like operation decides about a new resource; placement, owner and bookkeeping are added here. */
export type ResourceDraft = Partial<
  Omit<ResourceDoc, 'belonging' | 'belongingType' | 'ownerId' | 'networkId' | 'created' | 'updated' | 'searchPrefixes' | 'position' | 'countedKind' | 'totalReactions'>
>;

/**
 * Creates resources owned by the caller at a resolved placement (see resolvePlacement) in one
 * transaction that checks the directory they enter still exists (its counts are counted when
 * read, live-counts.ts) or gives them positions on the prop they enter, then queues the
 * placement's events (published once the handler returns). One call holds at most 499 drafts.
 */
export async function insertResources(events: EventPublisher, principal: Principal, placement: ResolvedPlacement, drafts: ResourceDraft[]): Promise<ResourceDoc[]> {
  const now = Date.now();
  const where = placementFields(placement.parsed);
  const parentId = placement.parsed.type === 'directory' ? placement.parsed.path : undefined;
  const docs = drafts.map((draft): ResourceDoc => ({
    status: 'pending',
    ...draft,
    id: draft.id ?? randomUUID(),
    created: now,
    updated: now,
    ...where,
    totalReactions: 0,
    ownerId: principal.userId,
    networkId: placement.networkId,
    searchPrefixes: searchPrefixesOf(draft.title, draft.description),
    countedKind: parentId ? contentKind(draft) : undefined,
  }));
  const prop = propOf(placement.parsed);
  await firestore().runTransaction(async (tx) => {
    if (parentId) await requireDirectories(tx, [parentId]);
    const positions = prop ? await propPositions(tx, prop, docs.length) : [];
    docs.forEach((doc, i) => {
      if (prop) doc.position = positions[i];
      tx.create(resourceRef(doc.id), doc);
    });
  });
  emitAdded(events, placement.access, docs.map(toClientResource));
  return docs;
}
