import { firestore } from '../gcp/clients.js';
import type { OutboxEntry, PendingEvent } from './message.js';
import { newOutboxEntry, publishOutboxEntry, writeOutboxEntry } from './outbox.js';

export type { EventMessage, PendingEvent, StagedEvent } from './message.js';

/**
 * Publishes events of a change that has already committed without them (code outside a handler's
 * transaction: processing, sync jobs): the outbox entry is written on its own, then published.
 * Handlers commit their events with their change instead (`transactionWithEvents`,
 * `commitWithEvents`). Positions are assigned later, by the sequencer.
 */
export async function publishEvents(events: PendingEvent[]): Promise<OutboxEntry | undefined> {
  if (events.length === 0) return undefined;
  const entry = newOutboxEntry(events);
  const batch = firestore().batch();
  writeOutboxEntry(batch, entry);
  await batch.commit();
  await publishOutboxEntry(entry);
  return entry;
}

/**
 * Stores events of a change that committed without them in an outbox entry of their own (only
 * that write is awaited) and hands the entry over for publishing: what the request path uses.
 */
export async function stageEvents(events: PendingEvent[]): Promise<OutboxEntry | undefined> {
  if (events.length === 0) return undefined;
  const entry = newOutboxEntry(events);
  const batch = firestore().batch();
  writeOutboxEntry(batch, entry);
  await batch.commit();
  return entry;
}
