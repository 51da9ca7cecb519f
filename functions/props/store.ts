import type { DocumentReference, Transaction } from '@google-cloud/firestore';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { Principal } from '../../shared/auth/principal.js';
import { canWriteResource } from '../../shared/access/resources.js';
import { badRequest, notFound } from '../../shared/errors/api-error.js';
import { firestore } from '../../shared/gcp/clients.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { resources } from '../../shared/resources/repository.js';
import { roomRef } from '../../shared/rooms/repository.js';

/** `rooms/{roomId}/props/{propId}`: the seed 001 prop model. */
export interface PropRecord {
  id: string;
  roomId: string;
  created: number;
  updated: number;
  title?: string;
  description?: string;
  contentSorting?: { type?: 'default' | 'name' | 'date' | 'type' | 'size'; direction?: 'asc' | 'desc' };
  contentAppend?: 'start' | 'end';
  [field: string]: unknown;
}

/** Prop content: resources whose belonging is `room:{roomId}/{propId}`, ordered by a fractional-index `position`. */
export type PropResource = ResourceDoc & { position?: string };

/** Content of one prop is read whole (sorting options apply to all of it); props hold at most this many resources. */
export const MAX_PROP_CONTENT = 1000;

export const propBelonging = (roomId: string, propId: string) => `room:${roomId}/${propId}`;
export const roomSortingTable = (roomId: string) => `roomSortingTable:${roomId}`;
export const propRef = (roomId: string, propId: string) => roomRef(roomId).collection('props').doc(propId) as DocumentReference;

export async function readProp(roomId: string, propId: string, tx?: Transaction): Promise<PropRecord | undefined> {
  const snap = tx ? await tx.get(propRef(roomId, propId)) : await propRef(roomId, propId).get();
  return snap.exists ? (snap.data() as PropRecord) : undefined;
}

export async function requireProp(roomId: string, propId: string, tx?: Transaction): Promise<PropRecord> {
  const prop = await readProp(roomId, propId, tx);
  if (!prop) throw notFound('prop');
  return prop;
}

function contentQuery(roomId: string, propId: string) {
  return resources().where('belonging', '==', propBelonging(roomId, propId)).orderBy('position').limit(MAX_PROP_CONTENT);
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
  if (!key) return content;
  const sign = prop.contentSorting?.direction === 'desc' ? -1 : 1;
  return [...content].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : 0;
  });
}

export interface ContentChange {
  added: PropResource[];
  removed: PropResource[];
}

/**
 * Moves resources into the prop (at its end or start) and out of it (back to the room's sorting
 * table) in one transaction: every id is checked first, and one that the caller may not move
 * aborts the whole change.
 */
export async function changeContent(
  principal: Principal,
  roomId: string,
  propId: string,
  moveIn: string[],
  moveOut: string[],
  appendAtEnd: boolean | undefined,
): Promise<ContentChange> {
  const both = moveIn.filter((id) => moveOut.includes(id));
  if (both.length) throw badRequest(`resource ${both[0]} is both in moveToProp and removeFromProp`);
  return firestore().runTransaction(async (tx) => {
    const prop = await requireProp(roomId, propId, tx);
    const content = await readContent(roomId, propId, tx);
    const belonging = propBelonging(roomId, propId);
    const incoming = await Promise.all(moveIn.map((id) => tx.get(resources().doc(id))));
    const outgoing = await Promise.all(moveOut.map((id) => tx.get(resources().doc(id))));

    const added: PropResource[] = [];
    for (const snap of incoming) {
      const doc = snap.data() as PropResource | undefined;
      if (!doc || !mayPlace(principal, roomId, doc)) throw notFound(`resource ${snap.id}`);
      if (doc.belonging !== belonging) added.push(doc);
    }
    const removed: PropResource[] = [];
    for (const snap of outgoing) {
      const doc = snap.data() as PropResource | undefined;
      if (!doc || doc.belonging !== belonging) throw notFound(`resource ${snap.id} in prop ${propId}`);
      removed.push(doc);
    }
    if (content.length - removed.length + added.length > MAX_PROP_CONTENT) throw badRequest(`a prop holds at most ${MAX_PROP_CONTENT} resources`);

    const atEnd = appendAtEnd ?? prop.contentAppend !== 'start';
    const remaining = content.filter((r) => !moveOut.includes(r.id));
    const keys = atEnd
      ? generateNKeysBetween(remaining.at(-1)?.position ?? null, null, added.length)
      : generateNKeysBetween(null, remaining[0]?.position ?? null, added.length);
    const now = Date.now();
    added.forEach((doc, i) => {
      tx.update(resources().doc(doc.id), { belonging, belongingType: 'room', position: keys[i], updated: now });
      Object.assign(doc, { belonging, position: keys[i], updated: now });
    });
    for (const doc of removed) {
      tx.update(resources().doc(doc.id), { belonging: roomSortingTable(roomId), belongingType: 'roomSortingTable', position: null, updated: now });
      Object.assign(doc, { belonging: roomSortingTable(roomId), position: undefined, updated: now });
    }
    return { added, removed };
  });
}

/** Room owners place their own resources and the room's (its sorting table and its props). */
function mayPlace(principal: Principal, roomId: string, doc: ResourceDoc): boolean {
  if (canWriteResource(principal, doc)) return true;
  return doc.belonging === roomSortingTable(roomId) || doc.belonging.startsWith(`room:${roomId}/`);
}

/** Moves one resource to an index of the prop's order: one document write, between its new neighbours. */
export async function moveToPosition(roomId: string, propId: string, resourceId: string, position: number): Promise<PropResource> {
  return firestore().runTransaction(async (tx) => {
    await requireProp(roomId, propId, tx);
    const content = await readContent(roomId, propId, tx);
    const current = content.find((r) => r.id === resourceId);
    if (!current) throw notFound(`resource ${resourceId} in prop ${propId}`);
    const others = content.filter((r) => r.id !== resourceId);
    const index = Math.min(position, others.length);
    const key = generateKeyBetween(others[index - 1]?.position ?? null, others[index]?.position ?? null);
    const updated = Date.now();
    tx.update(resources().doc(resourceId), { position: key, updated });
    return { ...current, position: key, updated };
  });
}
