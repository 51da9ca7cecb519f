import { requireWritableBelonging } from '../access/belongings.js';
import { mayRestoreResource, resourceAccess } from '../access/resources.js';
import type { Principal } from '../auth/principal.js';
import { conflict, notFound } from '../errors/api-error.js';
import type { OperationContext } from '../registry/types.js';
import { formatBelonging, parseBelonging } from './belonging.js';
import { emitMoves, type Placed } from './change-events.js';
import { readResource, resources } from './collection.js';
import { moveWithPlan, TRASH_FIELDS_CLEARED, trashMove, type PlannedMove } from './relocate.js';
import { locateWritableResource } from './repository.js';
import { recordQuery } from '../gcp/query-shapes.js';

interface Plan {
  moves: PlannedMove[];
  result: Array<{ from: Placed; to: Placed }>;
}

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * Plans moving resources to their owners' trashcans, remembering where each was. With `table`,
 * every resource must be in that sorting table (directly or in a directory of it): 409 otherwise.
 */
async function planTrash(principal: Principal, ids: string[], table?: string): Promise<Plan> {
  const now = Date.now();
  const planned = await Promise.all(
    unique(ids).map(async (id) => {
      const { doc, chain } = await locateWritableResource(principal, id);
      if (doc.belongingType === 'trashcan') throw conflict(`resource ${id} is already in the trashcan`);
      if (table && formatBelonging(chain.root) !== table) throw conflict(`resource ${id} is not in ${table}`);
      const move = trashMove(doc, chain.root, principal.userId, now);
      return { move, placed: { from: chain, to: { belonging: move.to, root: move.to } } };
    }),
  );
  return { moves: planned.map((p) => p.move), result: planned.map((p) => p.placed) };
}

/**
 * Plans putting trashed resources back exactly where they were. With `table`, each must have been
 * deleted from that sorting table. 409 for a resource not in the trashcan; the caller must still
 * be allowed to write where it goes back (403/404 otherwise).
 */
async function planRestore(principal: Principal, ids: string[], table?: string): Promise<Plan> {
  const planned = await Promise.all(
    unique(ids).map(async (id) => {
      const doc = await readResource(id);
      if (!doc) throw notFound('resource');
      if (doc.belongingType !== 'trashcan' || !doc.previousBelonging) {
        if (!(await resourceAccess(principal, doc)).read) throw notFound('resource');
        throw conflict(`resource ${id} is not in the trashcan`);
      }
      if (!(await mayRestoreResource(principal, doc))) throw notFound('resource');
      if (table && doc.previousRoot !== table) throw conflict(`resource ${id} was not deleted from ${table}`);
      const target = await requireWritableBelonging(principal, doc.previousBelonging);
      const from = parseBelonging(doc.belonging);
      const move: PlannedMove = { before: doc, to: target.belonging, set: TRASH_FIELDS_CLEARED };
      return { move, placed: { from: { belonging: from, root: from }, to: target } };
    }),
  );
  return { moves: planned.map((p) => p.move), result: planned.map((p) => p.placed) };
}

/** Commits the moves with their events, on `ctx.events` (the guarded publisher when the caller guards access). */
async function commit(ctx: OperationContext, plan: () => Promise<Plan>): Promise<string[]> {
  const { moved } = await moveWithPlan(ctx.events, plan, (events, moved, result) =>
    emitMoves(
      events,
      moved.map((m, i) => ({ ...result[i], after: m.after })),
    ),
  );
  return moved.map((m) => m.after.id);
}

export const trashResources = (ctx: OperationContext, ids: string[], table?: string) =>
  commit(ctx, () => planTrash(ctx.principal, ids, table));

export const restoreResources = (ctx: OperationContext, ids: string[], table?: string) =>
  commit(ctx, () => planRestore(ctx.principal, ids, table));

/** Resources trashed per transaction by the delete-all operations. */
const CHUNK = 100;

/** Moves everything directly in a sorting table to the trashcan, a transaction per chunk. Answers how many. */
export async function trashAll(ctx: OperationContext, table: string): Promise<number> {
  let total = 0;
  for (;;) {
    const snap = await recordQuery(resources().where('belonging', '==', table).limit(CHUNK).select()).get();
    if (snap.empty) return total;
    total += (
      await trashResources(
        ctx,
        snap.docs.map((d) => d.id),
        table,
      )
    ).length;
  }
}
