import { firestore } from '../gcp/clients.js';
import type { OutboxEntry, PendingEvent } from './message.js';
import { newOutboxEntries, publishOutboxEntry, writeOutboxEntry } from './outbox.js';

export type { EventMessage, PendingEvent, StagedEvent } from './message.js';

/**
 * Publishes events that have no change of their own to commit with (a job's outcome notice): the
 * outbox entries are written on their own, then published. Changes commit their events with them
 * instead (`transactionWithEvents`, `commitWithEvents`). Positions are assigned later, by the
 * sequencer. Answers the events as staged, in emit order.
 */
export async function publishEvents(events: PendingEvent[]): Promise<OutboxEntry['events']> {
  const entries = newOutboxEntries(events);
  if (entries.length === 0) return [];
  const batch = firestore().batch();
  for (const entry of entries) writeOutboxEntry(batch, entry);
  await batch.commit();
  for (const entry of entries) await publishOutboxEntry(entry);
  return entries.flatMap((e) => e.events);
}
