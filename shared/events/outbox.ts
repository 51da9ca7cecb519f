import { randomUUID } from 'node:crypto';
import { Timestamp, type DocumentReference, type Transaction, type WriteBatch } from '@google-cloud/firestore';
import { envInt, requireEnv } from '../config.js';
import { firestore } from '../gcp/clients.js';
import { log } from '../log.js';
import type { EventPublisher } from '../registry/types.js';
import { isChannel } from './channels.js';
import { faultPoint } from './faults.js';
import { deletePublishedEntry } from './outbox-cleanup.js';
import type { IntakeMessage, OutboxEntry, PendingEvent } from './message.js';
import { orderedTopic, publishOrdered } from './ordered-topic.js';
import { ttlExpiry } from '../gcp/query-shapes.js';
import { Collections } from '../data-layout.js';

/**
 * The transactional outbox. The events of a change are written into `eventOutbox/{id}` in the
 * same commit as the change, so a committed change always has its events stored. After the commit
 * the function publishes them on the intake topic (ordering key: the channel) and deletes the
 * entry; an entry still there after EVENT_OUTBOX_SWEEP_SECONDS (the function died, Pub/Sub failed)
 * is published again by the sequencer's sweeper. The sequencer deduplicates by entry id, so a
 * twice-published entry gets its positions once.
 */
/** Entries are deleted once published; this TTL only bounds what a broken deployment leaves behind. */
const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;

interface OutboxDoc {
  time: number;
  /** JSON of the staged events (Firestore cannot store nested arrays in payloads) */
  events: string;
  expireAt: Timestamp;
}

type Writer = Transaction | WriteBatch;

const outboxRef = (id: string) => firestore().collection(Collections.eventOutbox).doc(id) as DocumentReference<OutboxDoc>;

export const sweepAgeMs = () => envInt('EVENT_OUTBOX_SWEEP_SECONDS') * 1000;

/** Gives each event an id; refuses an event whose channel is not user:, resource:, belonging: or room:. */
export function newOutboxEntry(pending: PendingEvent[]): OutboxEntry {
  const invalid = pending.find((e) => !isChannel(e.channel));
  if (invalid) throw new Error(`event ${invalid.endpoint} has an invalid channel "${invalid.channel}"`);
  return { id: randomUUID(), time: Date.now(), events: pending.map((e) => ({ id: randomUUID(), ...e })) };
}

/** Adds the entry to a transaction or batch: it commits with the change or not at all. */
export function writeOutboxEntry(writer: Writer, entry: OutboxEntry): void {
  const doc: OutboxDoc = {
    time: entry.time,
    events: JSON.stringify(entry.events),
    expireAt: Timestamp.fromDate(ttlExpiry(Collections.eventOutbox, 'expireAt', entry.time + OUTBOX_TTL_SECONDS * 1000)),
  };
  (writer as WriteBatch).create(outboxRef(entry.id), doc);
}

/** The intake messages of an entry: one per channel, its events in emit order. */
export function intakeMessages(entry: OutboxEntry): IntakeMessage[] {
  const byChannel = new Map<string, IntakeMessage>();
  for (const e of entry.events) {
    let message = byChannel.get(e.channel);
    if (!message) byChannel.set(e.channel, (message = { entry: entry.id, channel: e.channel, time: entry.time, events: [] }));
    message.events.push({ id: e.id, endpoint: e.endpoint, data: e.data });
  }
  return [...byChannel.values()];
}

/**
 * Publishes a committed entry to the sequencer, then deletes it from the outbox. A failure leaves
 * the entry for the sweeper and is thrown.
 */
export async function publishOutboxEntry(entry: OutboxEntry, options: { swept?: boolean } = {}): Promise<void> {
  faultPoint('intake-publish');
  const topic = await orderedTopic(requireEnv('EVENTS_INTAKE_TOPIC'));
  const attributes: Record<string, string> = options.swept ? { swept: 'true' } : {};
  await Promise.all(intakeMessages(entry).map((m) => publishOrdered(topic, m.channel, m, { ...attributes, entry: m.entry })));
  // once on the topic the entry is Pub/Sub's to deliver
  deletePublishedEntry(outboxRef(entry.id));
}

/** Publishes committed entries; failures are logged and left to the sweeper (the change has committed). */
export async function publishCommitted(entries: OutboxEntry[], logger = log): Promise<void> {
  await Promise.all(
    entries.map((entry) =>
      publishOutboxEntry(entry).catch((err: Error) =>
        logger.warn('committed events not published yet; the outbox sweeper will publish them', {
          err,
          entry: entry.id,
          endpoints: entry.events.map((e) => e.endpoint),
        }),
      ),
    ),
  );
}

/** Hands a committed entry to whoever publishes for the caller (the transport), or publishes it now. */
async function handOver(publisher: EventPublisher, entry: OutboxEntry): Promise<void> {
  if (publisher.committed) publisher.committed(entry);
  else await publishCommitted([entry]);
}

/**
 * A Firestore transaction whose events commit with it. `body` emits on the publisher it is given
 * (each attempt starts with none); the outbox entry is added to the transaction after `body`, and
 * handed to `publisher` once the transaction committed.
 */
export async function transactionWithEvents<T>(
  publisher: EventPublisher,
  body: (tx: Transaction, events: EventPublisher) => Promise<T>,
): Promise<T> {
  let entry: OutboxEntry | undefined;
  const value = await firestore().runTransaction(async (tx) => {
    const pending: PendingEvent[] = [];
    const result = await body(tx, { emit: (endpoint, channel, data) => void pending.push({ endpoint, channel, data }) });
    entry = pending.length > 0 ? newOutboxEntry(pending) : undefined;
    if (entry) writeOutboxEntry(tx, entry);
    return result;
  });
  if (entry) await handOver(publisher, entry);
  return value;
}

/** Commits a batch with the given events in its outbox entry, then hands the entry to `publisher`. */
export async function commitWithEvents(batch: WriteBatch, publisher: EventPublisher, pending: PendingEvent[]): Promise<void> {
  const entry = pending.length > 0 ? newOutboxEntry(pending) : undefined;
  if (entry) writeOutboxEntry(batch, entry);
  await batch.commit();
  if (entry) await handOver(publisher, entry);
}

/** Entries older than the sweep age, oldest first: committed, but not published (or not deleted after it). */
export async function staleOutboxEntries(limit: number): Promise<OutboxEntry[]> {
  const snapshot = await firestore()
    .collection(Collections.eventOutbox)
    .where('time', '<=', Date.now() - sweepAgeMs())
    .orderBy('time')
    .limit(limit)
    .get();
  return snapshot.docs.map((doc) => {
    const data = doc.data() as OutboxDoc;
    return { id: doc.id, time: data.time, events: JSON.parse(data.events) as OutboxEntry['events'] };
  });
}
