import type { EventSink } from '../registry/types.js';
import { formatBelonging, userOfBelonging, type Belonging } from './belonging.js';
import { toClientResource, type ResourceDoc } from './model.js';
import { propOf } from './prop-positions.js';
import { resolveChain } from './tree.js';

/**
 * The seed 000 events of a change, on their channels. Which variants a change publishes depends on
 * where the resource is: every belonging has `resource:addedToBelonging` /
 * `resource:deletedFromBelonging` on `belonging:{belonging}`; the user sorting table (directly, or
 * in a directory inside it) and upload sessions also notify their user on `user:{userId}`.
 */
export interface Placed {
  belonging: Belonging;
  /** the first non-directory belonging above (the belonging itself when it is not a directory) */
  root: Belonging;
}

type ClientResource = Record<string, unknown>;

const sortingTableUser = (p: Placed): string | undefined => (p.root.type === 'userSortingTable' ? p.root.path : undefined);
const uploadSessionUser = (p: Placed): string | undefined =>
  p.belonging.type === 'uploadSession' ? userOfBelonging(p.belonging) : undefined;

/** Content entering or leaving a prop, by any operation, tells the prop's room (`prop:contentChanged`, props family). */
function emitPropContentChanged(events: EventSink, placed: Placed): void {
  const prop = propOf(placed.belonging);
  if (prop) events.emit('prop:contentChanged', `room:${prop.roomId}`, prop);
}

export function emitAdded(events: EventSink, placed: Placed, resources: ClientResource[]): void {
  if (resources.length === 0) return;
  const belonging = formatBelonging(placed.belonging);
  events.emit('resource:addedToBelonging', `belonging:${belonging}`, { belonging, resources });
  const tableUser = sortingTableUser(placed);
  if (tableUser && placed.belonging.type === 'userSortingTable')
    events.emit('sortingTable:addResources', `user:${tableUser}`, { resources });
  if (tableUser && placed.belonging.type === 'directory') {
    events.emit('sortingTable:addResourcesToDirectory', `user:${tableUser}`, { directoryId: placed.belonging.path, resources });
  }
  const sessionUser = uploadSessionUser(placed);
  if (sessionUser) events.emit('resource:addedToUploadSession', `user:${sessionUser}`, { resources });
  emitPropContentChanged(events, placed);
}

export function emitRemoved(events: EventSink, placed: Placed, resourceIds: string[]): void {
  if (resourceIds.length === 0) return;
  const belonging = formatBelonging(placed.belonging);
  events.emit('resource:deletedFromBelonging', `belonging:${belonging}`, { belonging, resourceIds });
  const tableUser = sortingTableUser(placed);
  if (tableUser && placed.belonging.type === 'userSortingTable')
    events.emit('sortingTable:deleteResources', `user:${tableUser}`, { resources: resourceIds });
  if (tableUser && placed.belonging.type === 'directory') {
    events.emit('sortingTable:deleteResourcesFromDirectory', `user:${tableUser}`, { directoryId: placed.belonging.path, resourceIds });
  }
  const sessionUser = uploadSessionUser(placed);
  if (sessionUser) events.emit('resource:deletedFromUploadSession', `user:${sessionUser}`, { resources: resourceIds });
  emitPropContentChanged(events, placed);
}

/** `resource:updated` on `resource:{id}`, and the sorting table, upload session or community variant. */
export function emitUpdated(events: EventSink, placed: Placed, resource: ClientResource & { id?: unknown }): void {
  const belonging = formatBelonging(placed.belonging);
  events.emit('resource:updated', `resource:${String(resource.id)}`, { belonging, resource });
  const tableUser = sortingTableUser(placed);
  if (tableUser) events.emit('sortingTable:resourceUpdated', `user:${tableUser}`, { resource });
  const sessionUser = uploadSessionUser(placed);
  if (sessionUser) events.emit('resource:updatedInUploadSession', `user:${sessionUser}`, { resource });
  if (placed.root.type === 'community') events.emit('resource:updatedInChannel', `belonging:${belonging}`, { resource });
}

/**
 * For code that changed a stored resource (e.g. processing moving `status`): the same update
 * variants the resource operations publish. Resolves the directory chain itself (a resource in a
 * directory of the user sorting table also notifies the user); a resource under a missing
 * directory gets only `resource:updated`.
 */
export async function emitResourceUpdated(events: EventSink, doc: ResourceDoc): Promise<void> {
  const chain = await resolveChain(doc.belonging);
  const resource = toClientResource(doc);
  if (chain) emitUpdated(events, chain, resource);
  else events.emit('resource:updated', `resource:${doc.id}`, { belonging: doc.belonging, resource });
}

export interface MoveOutcome {
  from: Placed;
  to: Placed;
  after: ResourceDoc;
}

/** Events of moves: one removal per left belonging, one addition per entered belonging, an update per resource. */
export function emitMoves(events: EventSink, moves: MoveOutcome[]): void {
  const groups = (side: 'from' | 'to') => {
    const byBelonging = new Map<string, { placed: Placed; docs: ResourceDoc[] }>();
    for (const move of moves) {
      const key = formatBelonging(move[side].belonging);
      const group = byBelonging.get(key) ?? { placed: move[side], docs: [] };
      group.docs.push(move.after);
      byBelonging.set(key, group);
    }
    return [...byBelonging.values()];
  };
  for (const { placed, docs } of groups('from'))
    emitRemoved(
      events,
      placed,
      docs.map((d) => d.id),
    );
  for (const { placed, docs } of groups('to')) emitAdded(events, placed, docs.map(toClientResource));
  for (const move of moves) emitUpdated(events, move.to, toClientResource(move.after));
}
