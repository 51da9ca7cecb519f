import type { Transaction } from '@google-cloud/firestore';
import { generateKeyBetween } from 'fractional-indexing';
import type { Principal } from '../../../shared/auth/principal.js';
import { badRequest, notFound } from '../../../shared/errors/api-error.js';
import { transactionWithEvents } from '../../../shared/events/outbox.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { parseBelonging } from '../../../shared/resources/belonging.js';
import { emitMoves, type MoveOutcome, type Placed } from '../../../shared/resources/change-events.js';
import { toClientResource, type ResourceDoc } from '../../../shared/resources/model.js';
import { moveWithPlan, StalePlan, type PlannedMove } from '../../../shared/resources/relocate.js';
import { readResource, resources } from '../../../shared/resources/repository.js';
import { resolveChain } from '../../../shared/resources/tree.js';
import { mayPlace } from '../../../shared/access/props.js';
import { emitPropEvent } from '../events.js';
import { propBelonging, propRef, requireProp, roomSortingTable, type PropRecord } from './props.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';

/** Prop content: resources whose belonging is `room:{roomId}/{propId}`, ordered by a fractional-index `position`. */
export type PropResource = ResourceDoc & { position?: string };

/** Content of one prop is read whole (sorting options apply to all of it); props hold at most this many resources. */
export const MAX_PROP_CONTENT = 1000;

function contentQuery(roomId: string, propId: string) {
  return recordQuery(resources().where('belonging', '==', propBelonging(roomId, propId)).orderBy('position').limit(MAX_PROP_CONTENT));
}

export async function readContent(roomId: string, propId: string, tx?: Transaction): Promise<PropResource[]> {
  const snap = tx ? await tx.get(contentQuery(roomId, propId)) : await contentQuery(roomId, propId).get();
  return snap.docs.map((d) => d.data() as PropResource);
}

const sortKeys: Record<string, (r: PropResource) => string | number> = {
  name: (r) => (r.title ?? '').toLowerCase(),
  date: (r) => r.created,
  type: (r) => String((r.metadata as { contentType?: string } | undefined)?.contentType ?? ''),
  size: (r) => Number((r.metadata as { fileSize?: number } | undefined)?.fileSize ?? 0),
};

/** The prop's own order (positions), or the sorting the prop asks for; ties keep the position order. */
export function sortContent(prop: PropRecord, content: PropResource[]): PropResource[] {
  const type = prop.contentSorting?.type ?? 'default';
  const key = sortKeys[type];
  const sign = prop.contentSorting?.direction === 'desc' ? -1 : 1;
  if (!key) return sign === 1 ? content : [...content].reverse();
  return [...content].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : 0;
  });
}

/** Where each belonging a move touches sits (its directory chain), for the move events. */
async function placesOf(belongings: Iterable<string>): Promise<Map<string, Placed>> {
  const placeOf = new Map<string, Placed>();
  for (const from of new Set(belongings)) {
    const parsed = parseBelonging(from);
    placeOf.set(from, (await resolveChain(parsed)) ?? { belonging: parsed, root: parsed });
  }
  return placeOf;
}

const outcomes = (moved: Array<{ before: ResourceDoc; after: ResourceDoc }>, placeOf: Map<string, Placed>): MoveOutcome[] =>
  moved.map(({ before, after }) => ({ from: placeOf.get(before.belonging)!, to: placeOf.get(after.belonging)!, after }));

/**
 * Moves resources into the prop (at its end or start) and out of it (back to the room's sorting
 * table) in one commit through the shared move path, so directories they leave keep exact counts
 * and concurrent placements on one prop get distinct positions; the move events commit with
 * them. Every id is checked first: one the caller may not move aborts the whole change.
 */
export async function changeContent(
  principal: Principal,
  roomId: string,
  propId: string,
  moveIn: string[],
  moveOut: string[],
  appendAtEnd: boolean | undefined,
  publisher: EventPublisher,
): Promise<void> {
  const both = moveIn.filter((id) => moveOut.includes(id));
  if (both.length) throw badRequest(`resource ${both[0]} is both in moveToProp and removeFromProp`);
  const belonging = propBelonging(roomId, propId);
  const propAppend = appendAtEnd === undefined ? undefined : appendAtEnd ? 'end' : 'start';
  const plan = async () => {
    await requireProp(roomId, propId);
    const [incoming, outgoing] = await Promise.all([
      Promise.all(moveIn.map((id) => readResource(id))),
      Promise.all(moveOut.map((id) => readResource(id))),
    ]);
    const entering = incoming
      .map((doc, i) => {
        if (!doc || !mayPlace(principal, roomId, doc)) throw notFound(`resource ${moveIn[i]}`);
        return doc;
      })
      .filter((doc) => doc.belonging !== belonging);
    const leaving = outgoing.map((doc, i) => {
      if (!doc || doc.belonging !== belonging) throw notFound(`resource ${moveOut[i]} in prop ${propId}`);
      return doc;
    });
    const count = await recordQuery(resources().where('belonging', '==', belonging).count()).get();
    if (count.data().count - leaving.length + entering.length > MAX_PROP_CONTENT)
      throw badRequest(`a prop holds at most ${MAX_PROP_CONTENT} resources`);

    const placeOf = await placesOf([belonging, roomSortingTable(roomId), ...entering.map((doc) => doc.belonging)]);
    const toProp = placeOf.get(belonging)!.belonging;
    const toTable = placeOf.get(roomSortingTable(roomId))!.belonging;
    const moves: PlannedMove[] = [
      ...entering.map((before) => ({ before, to: toProp, propAppend })),
      ...leaving.map((before) => ({ before, to: toTable })),
    ];
    return { moves, result: placeOf };
  };
  await moveWithPlan(publisher, plan, (events, moved, placeOf) => emitMoves(events, outcomes(moved, placeOf)));
}

/**
 * Deletes a prop; its content returns to the room's sorting table in the same commit. A resource
 * that entered the prop while this was planned makes it plan again, so nothing is left behind in
 * a prop that no longer exists. The move events and `prop:deleted` commit with it.
 */
export async function deletePropReturningContent(roomId: string, propId: string, publisher: EventPublisher): Promise<void> {
  const belonging = propBelonging(roomId, propId);
  const plan = async () => {
    await requireProp(roomId, propId);
    const content = await readContent(roomId, propId);
    const placeOf = await placesOf([belonging, roomSortingTable(roomId)]);
    const toTable = placeOf.get(roomSortingTable(roomId))!.belonging;
    const planned = new Set(content.map((doc) => doc.id));
    return {
      moves: content.map((before) => ({ before, to: toTable })),
      result: placeOf,
      hooks: {
        check: async (tx: Transaction) => {
          await requireProp(roomId, propId, tx);
          const now = await readContent(roomId, propId, tx);
          if (now.some((doc) => !planned.has(doc.id))) throw new StalePlan();
        },
        write: (tx: Transaction) => tx.delete(propRef(roomId, propId)),
      },
    };
  };
  await moveWithPlan(publisher, plan, (events, moved, placeOf) => {
    emitMoves(events, outcomes(moved, placeOf));
    emitPropEvent(events, 'deleted', roomId, propId);
  });
}

/**
 * Moves one resource to an index of the prop's order: one document write, between its new
 * neighbours, committed with its `resource:updated` and the prop's `prop:contentChanged`.
 */
export async function moveToPosition(
  roomId: string,
  propId: string,
  resourceId: string,
  position: number,
  publisher: EventPublisher,
): Promise<PropResource> {
  return transactionWithEvents(publisher, async (tx, events) => {
    await requireProp(roomId, propId, tx);
    const content = await readContent(roomId, propId, tx);
    const current = content.find((r) => r.id === resourceId);
    if (!current) throw notFound(`resource ${resourceId} in prop ${propId}`);
    const others = content.filter((r) => r.id !== resourceId);
    const index = Math.min(position, others.length);
    const key = generateKeyBetween(others[index - 1]?.position ?? null, others[index]?.position ?? null);
    const updated = Date.now();
    tx.update(resources().doc(resourceId), { position: key, updated });
    const moved = { ...current, position: key, updated };
    events.emit('resource:updated', `resource:${moved.id}`, { belonging: moved.belonging, resource: toClientResource(moved) });
    events.emit('prop:contentChanged', `room:${roomId}`, { roomId, propId });
    return moved;
  });
}
