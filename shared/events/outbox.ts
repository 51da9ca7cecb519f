import { randomUUID } from 'node:crypto';
import { Timestamp, type DocumentReference, type Transaction, type WriteBatch } from '@google-cloud/firestore';
import { envInt, requireEnv } from '../config.js';
import { firestore } from '../gcp/clients.js';
import { log } from '../log.js';
import type { EventPublisher, EventSink } from '../registry/types.js';
import { isChannel } from './channels.js';
import { faultPoint } from './faults.js';
import { deletePublishedEntry } from './outbox-cleanup.js';
import type { AccessRecheck, IntakeMessage, OutboxEntry, PendingEvent, StagedEvent } from './message.js';
import { orderedTopic, publishOrdered } from './ordered-topic.js';
import { ttlExpiry } from '../gcp/query-shapes.js';
import { Collections } from '../data-layout.js';

/**
 * The transactional outbox. The events of a change are written into `eventOutbox/{id}` in the
 * same commit as the change, so a committed change always has its events stored. After the commit
 * the function publishes them on the intake topic (ordering key: the channel) and deletes the
 * entry; an entry still there after EVENT_OUTBOX_SWEEP_SECONDS (the function died, Pub/Sub failed)
 * is published again by the sequencer's sweeper. The sequencer deduplicates by entry id, so a
 * twice-published entry gets its positions once. An entry that carries an access re-check has its
 * revocations worked out just before it is published, by whoever publishes it.
 */
/** Entries are deleted once published; this TTL only bounds what a broken deployment leaves behind. */
const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;

interface OutboxDoc {
  time: number;
  /** JSON of the staged events (Firestore cannot store nested arrays in payloads) */
  events: string;
  recheck?: AccessRecheck;
  expireAt: Timestamp;
}

type Writer = Transaction | WriteBatch;

const outboxRef = (id: string) => firestore().collection(Collections.eventOutbox).doc(id) as DocumentReference<OutboxDoc>;

export const sweepAgeMs = () => envInt('EVENT_OUTBOX_SWEEP_SECONDS') * 1000;

/**
 * Firestore documents hold at most 1 MiB: the events of one commit are split over as many entries
 * as it takes to keep each entry's events under this much JSON.
 */
export const MAX_ENTRY_EVENTS_BYTES = 900 * 1024;

/**
 * The outbox entries of a commit's events, in emit order (one, unless they are too large for one
 * document); none when it emits nothing and re-checks nothing. Gives each event an id; refuses an
 * event whose channel is not user:, resource:, belonging: or room:, and one too large to be
 * stored at all (the commit fails, nothing is written).
 */
export function newOutboxEntries(pending: PendingEvent[], recheck?: AccessRecheck): OutboxEntry[] {
  if (pending.length === 0 && !recheck) return [];
  const invalid = pending.find((e) => !isChannel(e.channel));
  if (invalid) throw new Error(`event ${invalid.endpoint} has an invalid channel "${invalid.channel}"`);
  const parts: StagedEvent[][] = [[]];
  let size = 0;
  for (const e of pending) {
    const staged: StagedEvent = { id: randomUUID(), ...e };
    const bytes = Buffer.byteLength(JSON.stringify(staged)) + 1;
    if (bytes > MAX_ENTRY_EVENTS_BYTES) {
      // what clients send is held to Firestore's limits before it gets here: this is a server-side fault
      throw new Error(
        `the ${e.endpoint} event of this change would be ${bytes} bytes: too large to store (at most ${MAX_ENTRY_EVENTS_BYTES})`,
      );
    }
    if (size + bytes > MAX_ENTRY_EVENTS_BYTES) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1].push(staged);
    size += bytes;
  }
  const time = Date.now();
  return parts.map((events) => ({ id: randomUUID(), time, events, ...(recheck ? { recheck } : {}) }));
}

const union = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])];

function mergeRechecks(current: AccessRecheck | undefined, more: AccessRecheck): AccessRecheck {
  const merged: AccessRecheck = {};
  if (current?.resources || more.resources) merged.resources = union(current?.resources, more.resources);
  if (current?.users || more.users) merged.users = union(current?.users, more.users);
  if (current?.channels || more.channels) merged.channels = union(current?.channels, more.channels);
  return merged;
}

/** `publisher`, whose commits also carry `recheck` (added to any re-check it carries already). */
export function withRecheck(publisher: EventPublisher, recheck: AccessRecheck): EventPublisher {
  return { ...publisher, recheck: mergeRechecks(publisher.recheck, recheck) };
}

/** What the body of `transactionWithEvents` emits on: events, and access re-checks known only inside the transaction. */
export interface TransactionEvents extends EventSink {
  recheck(recheck: AccessRecheck): void;
}

/** Adds the entry to a transaction or batch: it commits with the change or not at all. */
export function writeOutboxEntry(writer: Writer, entry: OutboxEntry): void {
  const doc: OutboxDoc = {
    time: entry.time,
    events: JSON.stringify(entry.events),
    ...(entry.recheck ? { recheck: entry.recheck } : {}),
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
export async function publishOutboxEntry(committed: OutboxEntry, options: { swept?: boolean } = {}): Promise<void> {
  faultPoint('intake-publish');
  const entry = committed.recheck ? await (await import('../access/revocations.js')).withRevocations(committed) : committed;
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

/** Hands committed entries to whoever publishes for the caller (the transport), or publishes them now. */
async function handOver(publisher: EventPublisher, entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (publisher.committed) for (const entry of entries) publisher.committed(entry);
  else await publishCommitted(entries);
}

/**
 * A Firestore transaction whose events commit with it. `body` emits on the sink it is given (each
 * attempt starts with none); the outbox entries are added to the transaction after `body`, and
 * handed to `publisher` once the transaction committed.
 */
export async function transactionWithEvents<T>(
  publisher: EventPublisher,
  body: (tx: Transaction, events: TransactionEvents) => Promise<T>,
): Promise<T> {
  let entries: OutboxEntry[] = [];
  const value = await firestore().runTransaction(async (tx) => {
    const pending: PendingEvent[] = [];
    let recheck = publisher.recheck;
    const result = await body(tx, {
      emit: (endpoint, channel, data) => void pending.push({ endpoint, channel, data }),
      recheck: (more) => void (recheck = mergeRechecks(recheck, more)),
    });
    entries = newOutboxEntries(pending, recheck);
    for (const entry of entries) writeOutboxEntry(tx, entry);
    return result;
  });
  await handOver(publisher, entries);
  return value;
}

/** Commits a batch with the given events in its outbox entries, then hands them to `publisher`. */
export async function commitWithEvents(batch: WriteBatch, publisher: EventPublisher, pending: PendingEvent[]): Promise<void> {
  const entries = newOutboxEntries(pending, publisher.recheck);
  for (const entry of entries) writeOutboxEntry(batch, entry);
  await batch.commit();
  await handOver(publisher, entries);
}

/** Collects emitted events into a list, for `commitWithEvents`. */
export function eventList(): EventSink & { pending: PendingEvent[] } {
  const pending: PendingEvent[] = [];
  return { pending, emit: (endpoint, channel, data) => void pending.push({ endpoint, channel, data }) };
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
    const entry: OutboxEntry = { id: doc.id, time: data.time, events: JSON.parse(data.events) as OutboxEntry['events'] };
    if (data.recheck) entry.recheck = data.recheck;
    return entry;
  });
}
