import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { transactionWithEvents } from '../events/outbox.js';
import type { EventPublisher } from '../registry/types.js';
import { placementFields } from './belonging.js';
import { propOf, propPositions } from './prop-positions.js';
import { emitAdded, emitUpdated, type Placed } from './change-events.js';
import { resourceRef } from './collection.js';
import { contentKind } from './directory-counts.js';
import { markCreated } from './client-views.js';
import { requireDirectories } from './live-counts.js';
import { toClientResource, type ResourceDoc } from './model.js';
import type { ResolvedPlacement } from './placement.js';
import { searchPrefixesOf } from './search-words.js';

/** What a create-like operation decides about a new resource; placement, owner and bookkeeping are added here. */
export type ResourceDraft = Partial<
  Omit<
    ResourceDoc,
    | 'belonging'
    | 'belongingType'
    | 'ownerId'
    | 'networkId'
    | 'created'
    | 'updated'
    | 'searchPrefixes'
    | 'position'
    | 'countedKind'
    | 'totalReactions'
    | 'reacted'
  >
>;

/** Where new resources go: a resolved placement, or one a job resolved itself from a belonging chain. */
export type InsertTarget = Pick<ResolvedPlacement, 'parsed' | 'networkId'> & { access: Placed };

function newDoc(principal: Principal, target: InsertTarget, draft: ResourceDraft, now: number): ResourceDoc {
  const parentId = target.parsed.type === 'directory' ? target.parsed.path : undefined;
  return {
    status: 'pending',
    ...draft,
    id: draft.id ?? randomUUID(),
    created: now,
    updated: now,
    ...placementFields(target.parsed),
    totalReactions: 0,
    reacted: false,
    ownerId: principal.userId,
    networkId: target.networkId,
    searchPrefixes: searchPrefixesOf(draft.title, draft.description),
    countedKind: parentId ? contentKind(draft) : undefined,
  };
}

/**
 * Creates resources owned by the caller at a resolved placement (see resolvePlacement) in one
 * transaction that checks the directory they enter still exists (its counts are counted when
 * read, live-counts.ts) or gives them positions on the prop they enter; the placement's events
 * commit with them. One call holds at most 499 drafts.
 */
export async function insertResources(
  events: EventPublisher,
  principal: Principal,
  placement: InsertTarget,
  drafts: ResourceDraft[],
): Promise<ResourceDoc[]> {
  const now = Date.now();
  const parentId = placement.parsed.type === 'directory' ? placement.parsed.path : undefined;
  const docs = drafts.map((draft) => newDoc(principal, placement, draft, now));
  const prop = propOf(placement.parsed);
  await transactionWithEvents(events, async (tx, committed) => {
    if (parentId) await requireDirectories(tx, [parentId]);
    const positions = prop ? await propPositions(tx, prop, docs.length) : [];
    docs.forEach((doc, i) => {
      if (prop) doc.position = positions[i];
      tx.create(resourceRef(doc.id), doc);
    });
    emitAdded(committed, placement.access, docs.map(toClientResource));
  });
  markCreated(docs);
  return docs;
}

/** The stored fields an upsert changes on a resource that exists (dotted paths allowed), and the resource after them. */
export interface ResourceRefresh {
  fields: Record<string, unknown>;
  next: ResourceDoc;
}

export interface UpsertOutcome {
  created: ResourceDoc[];
  updated: ResourceDoc[];
}

/**
 * {@link insertResources} for drafts with fixed ids that may exist already (a sync run again): a
 * missing one is created as insertResources creates it; one the caller owns gets the fields
 * `refresh` answers (nothing when it answers undefined), with its search words taken again from
 * the new title and description; one of another owner is left alone. One transaction, at most
 * 499 drafts; the added and updated events commit with them as the resource operations' do.
 */
export async function upsertResources(
  events: EventPublisher,
  principal: Principal,
  target: InsertTarget,
  drafts: Array<ResourceDraft & { id: string }>,
  refresh: (current: ResourceDoc, draft: ResourceDraft) => ResourceRefresh | undefined,
): Promise<UpsertOutcome> {
  const parentId = target.parsed.type === 'directory' ? target.parsed.path : undefined;
  const prop = propOf(target.parsed);
  const outcome = await transactionWithEvents(events, async (tx, committed): Promise<UpsertOutcome> => {
    if (parentId) await requireDirectories(tx, [parentId]);
    const now = Date.now();
    const refs = drafts.map((draft) => resourceRef(draft.id));
    const snaps = refs.length > 0 ? await tx.getAll(...refs) : [];
    const created: ResourceDoc[] = [];
    const updated: ResourceDoc[] = [];
    const updates: Array<{ index: number; fields: Record<string, unknown> }> = [];
    snaps.forEach((snap, index) => {
      if (!snap.exists) return void created.push(newDoc(principal, target, drafts[index], now));
      const current = snap.data() as ResourceDoc;
      if (current.ownerId !== principal.userId) return;
      const change = refresh(current, drafts[index]);
      if (!change) return;
      const searchPrefixes = searchPrefixesOf(change.next.title, change.next.description);
      updated.push({ ...change.next, updated: now, searchPrefixes });
      updates.push({ index, fields: { ...change.fields, updated: now, searchPrefixes } });
    });
    const positions = prop ? await propPositions(tx, prop, created.length) : [];
    created.forEach((doc, i) => {
      if (prop) doc.position = positions[i];
      tx.create(resourceRef(doc.id), doc);
    });
    for (const { index, fields } of updates) tx.update(refs[index], fields);
    emitAdded(committed, target.access, created.map(toClientResource));
    for (const doc of updated) emitUpdated(committed, target.access, toClientResource(doc));
    return { created, updated };
  });
  markCreated(outcome.created);
  return outcome;
}
