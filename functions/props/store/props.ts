import { randomUUID } from 'node:crypto';
import type { DocumentReference, Transaction } from '@google-cloud/firestore';
import { conflict, notFound } from '../../../shared/errors/api-error.js';
import { commitWithEvents, eventList, transactionWithEvents } from '../../../shared/events/outbox.js';
import { firestore } from '../../../shared/gcp/clients.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';
import { GrpcCode, hasGrpcCode } from '../../../shared/gcp/status-codes.js';
import type { EventPublisher, EventSink } from '../../../shared/registry/types.js';
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

/** The events of a prop written (`created`: it was not stored before), committed with it. */
export type PropAnnouncement = (events: EventSink, prop: PropRecord, created: boolean) => void;

/** Stores a new prop with its announcement: 409 when the id is taken. */
export async function createProp(
  roomId: string,
  propId: string | undefined,
  fields: PropFields,
  publisher: EventPublisher,
  announce: PropAnnouncement,
): Promise<PropRecord> {
  const now = Date.now();
  const prop: PropRecord = { ...NEW_PROP_DEFAULTS, ...fields, id: propId ?? randomUUID(), roomId, created: now, updated: now };
  const batch = firestore().batch();
  batch.create(propRef(roomId, prop.id), prop);
  const events = eventList();
  announce(events, prop, true);
  try {
    await commitWithEvents(batch, publisher, events.pending);
  } catch (err) {
    if (hasGrpcCode(err, GrpcCode.ALREADY_EXISTS)) throw conflict(`prop ${prop.id} already exists`);
    throw err;
  }
  return prop;
}

/**
 * Changes the given fields of a prop; a prop not stored yet is created with them (seed 001 has no
 * create, so its clients make props with updateProp). Answers the prop after the change and
 * whether it was created; `announce` gives the events committed with it.
 */
export async function upsertProp(
  roomId: string,
  propId: string,
  fields: PropFields,
  publisher: EventPublisher,
  announce: PropAnnouncement,
): Promise<{ prop: PropRecord; created: boolean }> {
  const ref = propRef(roomId, propId);
  return transactionWithEvents(publisher, async (tx, events) => {
    const existing = await readProp(roomId, propId, tx);
    const now = Date.now();
    const prop: PropRecord = existing
      ? { ...existing, ...fields, updated: now }
      : { ...NEW_PROP_DEFAULTS, ...fields, id: propId, roomId, created: now, updated: now };
    if (existing) tx.update(ref, { ...fields, updated: now });
    else tx.create(ref, prop);
    announce(events, prop, !existing);
    return { prop, created: !existing };
  });
}
