import { FieldValue, type Transaction } from '@google-cloud/firestore';
import { badRequest, conflict, notFound } from '../errors/api-error.js';
import { transactionWithEvents, type TransactionEvents } from '../events/outbox.js';
import { isLostTransaction } from '../gcp/status-codes.js';
import type { EventPublisher } from '../registry/types.js';
import { formatBelonging, placementFields, type Belonging } from './belonging.js';
import { resourceRef } from './collection.js';
import { contentKind } from './directory-counts.js';
import { requireDirectories } from './live-counts.js';
import { isDirectory, type ResourceDoc } from './model.js';
import { propOf, propPositions, propRefOf, type PropKey } from './prop-positions.js';
import { resolveChain } from './tree.js';

/** Fields to set with a move; `undefined` removes the field. */
export type FieldChanges = { [K in keyof ResourceDoc]?: ResourceDoc[K] | undefined };

/** One resource to move, planned (and checked) from what was read before the transaction. */
export interface PlannedMove {
  before: ResourceDoc;
  to: Belonging;
  set?: FieldChanges;
  /** entering a prop: at the end or the start of its order instead of where the prop appends */
  propAppend?: 'start' | 'end';
}

/**
 * The move of a resource to its owner's trashcan, remembering where it was (`root`: the sorting
 * table or other root belonging above it) so a restore puts it back exactly.
 */
export function trashMove(before: ResourceDoc, root: Belonging, deletedBy: string, now: number): PlannedMove {
  return {
    before,
    to: { type: 'trashcan', path: before.ownerId },
    set: { previousBelonging: before.belonging, previousRoot: formatBelonging(root), deletedAt: now, deletedBy },
  };
}

/** What a resource leaving the trashcan forgets. */
export const TRASH_FIELDS_CLEARED: FieldChanges = {
  previousBelonging: undefined,
  previousRoot: undefined,
  deletedAt: undefined,
  deletedBy: undefined,
};

export interface CommittedMove {
  before: ResourceDoc;
  after: ResourceDoc;
}

/** The resources changed between planning and the transaction: plan again. */
export class StalePlan extends Error {
  constructor() {
    super('resources changed while moving them');
  }
}

const MAX_PLANNING_ROUNDS = 5;

/** What a caller adds to the transaction of its moves, so they commit together. */
export interface MoveCommitHooks {
  /** more reads and checks, before the transaction writes (throw {@link StalePlan} to plan again) */
  check?: (tx: Transaction) => Promise<void>;
  /** more writes in the same commit */
  write?: (tx: Transaction) => void;
}

/** Emits the events of committed moves, inside their transaction; `result` is what the plan answered. */
export type MoveEvents<T> = (events: TransactionEvents, moved: CommittedMove[], result: T) => void;

/**
 * Plans and commits moves, planning again when a planned resource changed belonging in between
 * (its access and events were decided on the old state) or when the transaction lost to a
 * concurrent one. Planning reads outside the transaction, so concurrent moves into the same
 * directory do not contend on reading it. `emit` gives the events that commit with the moves.
 */
export async function moveWithPlan<T>(
  publisher: EventPublisher,
  plan: () => Promise<{ moves: PlannedMove[]; result: T; hooks?: MoveCommitHooks }>,
  emit: MoveEvents<T>,
): Promise<{ moved: CommittedMove[]; result: T }> {
  for (let round = 0; round < MAX_PLANNING_ROUNDS; round++) {
    const { moves, result, hooks } = await plan();
    try {
      return { moved: await commitMoves(publisher, moves, hooks, (events, moved) => emit(events, moved, result)), result };
    } catch (err) {
      if (!(err instanceof StalePlan) && !isLostTransaction(err)) throw err;
    }
  }
  throw conflict('resources kept changing while moving them; try again');
}

function applyChanges(doc: ResourceDoc, changes: FieldChanges): ResourceDoc {
  const after = { ...doc } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete after[key];
    else after[key] = value;
  }
  return after as unknown as ResourceDoc;
}

const toUpdate = (changes: FieldChanges): Record<string, unknown> =>
  Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value === undefined ? FieldValue.delete() : value]));

/** A directory moved into itself or below itself would cut its subtree off from every root. */
async function checkNoCycle(tx: Transaction, doc: ResourceDoc, to: Belonging): Promise<void> {
  if (!isDirectory(doc) || to.type !== 'directory') return;
  if (to.path === doc.id) throw badRequest(`directory ${doc.id} cannot be moved into itself`);
  const chain = await resolveChain(to, tx);
  if (!chain) throw notFound('directory');
  if (chain.directories.some((d) => d.id === doc.id))
    throw badRequest(`directory ${doc.id} cannot be moved into one of its own directories`);
}

interface PropEntries {
  positions: Map<number, string | undefined>;
  /** props that receive resources: written in the same commit, so two placements on one prop serialize */
  props: PropKey[];
}

/** Positions for the moves entering a prop (reads, so before any write); a resource already on that prop keeps its place. */
async function positionsOnProps(tx: Transaction, moves: PlannedMove[], current: ResourceDoc[]): Promise<PropEntries> {
  const positions = new Map<number, string | undefined>();
  const byProp = new Map<string, { prop: PropKey; append?: 'start' | 'end'; entering: number[] }>();
  moves.forEach((move, i) => {
    const prop = propOf(move.to);
    if (!prop) return;
    if (current[i].belonging === formatBelonging(move.to)) positions.set(i, current[i].position);
    else {
      const key = `${formatBelonging(move.to)} ${move.propAppend ?? ''}`;
      const group = byProp.get(key) ?? { prop, append: move.propAppend, entering: [] };
      group.entering.push(i);
      byProp.set(key, group);
    }
  });
  for (const { prop, append, entering } of byProp.values()) {
    const keys = await propPositions(tx, prop, entering.length, append);
    entering.forEach((i, n) => positions.set(i, keys[n]));
  }
  return { positions, props: [...byProp.values()].map((g) => g.prop) };
}

/**
 * Moves resources in one transaction: each must still be where it was planned from (else
 * {@link StalePlan}); the directories they enter must exist (their counts are counted when read,
 * live-counts.ts), and resources entering a prop get a position there. Answers each resource before
 * and after; `emit` gives the events committed with them.
 */
export async function commitMoves(
  publisher: EventPublisher,
  moves: PlannedMove[],
  hooks: MoveCommitHooks | undefined,
  emit: (events: TransactionEvents, moved: CommittedMove[]) => void,
): Promise<CommittedMove[]> {
  if (moves.length === 0 && !hooks) return [];
  return transactionWithEvents(publisher, async (tx, events) => {
    const snaps = moves.length > 0 ? await tx.getAll(...moves.map((m) => resourceRef(m.before.id))) : [];
    const current = snaps.map((snap, i) => {
      const doc = snap.data() as ResourceDoc | undefined;
      if (!doc || doc.belonging !== moves[i].before.belonging) throw new StalePlan();
      return doc;
    });
    for (let i = 0; i < moves.length; i++) await checkNoCycle(tx, current[i], moves[i].to);
    await requireDirectories(
      tx,
      moves.flatMap((m) => (m.to.type === 'directory' ? [m.to.path] : [])),
    );
    const { positions, props } = await positionsOnProps(tx, moves, current);
    await hooks?.check?.(tx);

    const now = Date.now();
    const committed = moves.map((move, i) => {
      const before = current[i];
      const kind = contentKind(before);
      const changes: FieldChanges = {
        ...placementFields(move.to),
        countedKind: move.to.type === 'directory' ? kind : undefined,
        position: positions.get(i),
        updated: now,
        ...(before.belongingType === 'trashcan' && move.to.type !== 'trashcan' ? TRASH_FIELDS_CLEARED : {}),
        ...move.set,
      };
      tx.update(resourceRef(before.id), toUpdate(changes));
      return { before, after: applyChanges(before, changes) };
    });
    for (const prop of props) tx.update(propRefOf(prop), { contentUpdated: now });
    hooks?.write?.(tx);
    emit(events, committed);
    return committed;
  });
}
