import { randomUUID } from 'node:crypto';
import type { DocumentReference, Transaction } from '@google-cloud/firestore';
import { conflict, notFound } from '../../../shared/errors/api-error.js';
import { firestore } from '../../../shared/gcp/clients.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';
import { GrpcCode, hasGrpcCode } from '../../../shared/gcp/status-codes.js';
import { roomRef } from '../../../shared/rooms/repository.js';
import type { PropFields } from '../schemas/prop.js';
import { Collections } from '../../../shared/data-layout.js';

/** `rooms/{roomId}/props/{propId}`: the seed 001 prop model. */
export interface PropRecord extends PropFields {
  id: string;
  roomId: string;
  created: number;
  updated: number;
  /** when content last entered the prop (written by placements, so two of them on one prop serialize) */
  contentUpdated?: number;
}

/** A new prop shows its content in its own order and appends at the end. */
const NEW_PROP_DEFAULTS = { contentSorting: { type: 'default', direction: 'asc' }, contentAppend: 'end' } as const;

export const propBelonging = (roomId: string, propId: string) => `room:${roomId}/${propId}`;
export const roomSortingTable = (roomId: string) => `roomSortingTable:${roomId}`;
export const propsOf = (roomId: string) => roomRef(roomId).collection(Collections.props);
export const propRef = (roomId: string, propId: string) => propsOf(roomId).doc(propId) as DocumentReference;

export async function readProp(roomId: string, propId: string, tx?: Transaction): Promise<PropRecord | undefined> {
  const snap = tx ? await tx.get(propRef(roomId, propId)) : await propRef(roomId, propId).get();
  return snap.exists ? (snap.data() as PropRecord) : undefined;
}

export async function requireProp(roomId: string, propId: string, tx?: Transaction): Promise<PropRecord> {
  const prop = await readProp(roomId, propId, tx);
  if (!prop) throw notFound('prop');
  return prop;
}

/** A page of the room's props, oldest first, and how many there are. */
export async function listRoomProps(roomId: string, offset: number, size: number): Promise<{ props: PropRecord[]; total: number }> {
  // ties in `created` fall back to the document id, which is the prop id
  const page = recordQuery(propsOf(roomId).orderBy('created').offset(offset).limit(size));
  const [snap, count] = await Promise.all([page.get(), recordQuery(propsOf(roomId).count()).get()]);
  return { props: snap.docs.map((d) => d.data() as PropRecord), total: count.data().count };
}

/** Stores a new prop: 409 when the id is taken. */
export async function createProp(roomId: string, propId: string | undefined, fields: PropFields): Promise<PropRecord> {
  const now = Date.now();
  const prop: PropRecord = { ...NEW_PROP_DEFAULTS, ...fields, id: propId ?? randomUUID(), roomId, created: now, updated: now };
  try {
    await propRef(roomId, prop.id).create(prop);
  } catch (err) {
    if (hasGrpcCode(err, GrpcCode.ALREADY_EXISTS)) throw conflict(`prop ${prop.id} already exists`);
    throw err;
  }
  return prop;
}

/**
 * Changes the given fields of a prop; a prop not stored yet is created with them (seed 001 has no
 * create, so its clients make props with updateProp). Answers the prop after the change and
 * whether it was created.
 */
export async function upsertProp(roomId: string, propId: string, fields: PropFields): Promise<{ prop: PropRecord; created: boolean }> {
  const ref = propRef(roomId, propId);
  return firestore().runTransaction(async (tx) => {
    const existing = await readProp(roomId, propId, tx);
    const now = Date.now();
    if (existing) {
      tx.update(ref, { ...fields, updated: now });
      return { prop: { ...existing, ...fields, updated: now }, created: false };
    }
    const prop: PropRecord = { ...NEW_PROP_DEFAULTS, ...fields, id: propId, roomId, created: now, updated: now };
    tx.create(ref, prop);
    return { prop, created: true };
  });
}
