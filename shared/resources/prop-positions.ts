import type { DocumentReference, Transaction } from '@google-cloud/firestore';
import { generateNKeysBetween } from 'fractional-indexing';
import { notFound } from '../errors/api-error.js';
import { roomRef } from '../rooms/repository.js';
import { formatBelonging, roomOfBelonging, type Belonging } from './belonging.js';
import { resources } from './collection.js';
import { recordQuery } from '../gcp/query-shapes.js';
import { Collections } from '../data-layout.js';

/**
 * Prop content (seed 001) is the resources whose belonging is `room:{roomId}/{propId}`, ordered
 * by a fractional-index `position`; the prop itself is `rooms/{roomId}/props/{propId}`. Resources
 * entering a prop through the resource operations get a position as prop.changePropContent gives
 * them: after the last one, or before the first when the prop appends at the start.
 */
export interface PropKey {
  roomId: string;
  propId: string;
}

export const propRefOf = (prop: PropKey): DocumentReference => roomRef(prop.roomId).collection(Collections.props).doc(prop.propId);

/** The prop a belonging names (`room:{roomId}/{propId}`), if any. */
export function propOf(belonging: Belonging): PropKey | undefined {
  const room = belonging.type === 'room' ? roomOfBelonging(belonging) : undefined;
  return room?.propId ? { roomId: room.roomId, propId: room.propId } : undefined;
}

export async function propExists(prop: PropKey, tx?: Transaction): Promise<boolean> {
  const ref = propRefOf(prop);
  return (tx ? await tx.get(ref) : await ref.get()).exists;
}

/**
 * Positions for `count` resources entering the prop, read in the transaction (before its writes),
 * where `append` says or else where the prop appends: 404 when the prop is gone.
 */
export async function propPositions(tx: Transaction, prop: PropKey, count: number, append?: 'start' | 'end'): Promise<string[]> {
  const snap = await tx.get(propRefOf(prop));
  if (!snap.exists) throw notFound('prop');
  const atStart = (append ?? snap.get('contentAppend')) === 'start';
  const belonging = formatBelonging({ type: 'room', path: `${prop.roomId}/${prop.propId}` });
  const edge = await tx.get(
    recordQuery(
      resources()
        .where('belonging', '==', belonging)
        .orderBy('position', atStart ? 'asc' : 'desc')
        .limit(1),
    ),
  );
  const bound = (edge.docs[0]?.get('position') as string | undefined) ?? null;
  return atStart ? generateNKeysBetween(null, bound, count) : generateNKeysBetween(bound, null, count);
}
