import { Timestamp, type DocumentReference } from '@google-cloud/firestore';
import { envInt } from '../config.js';
import { firestore } from '../gcp/clients.js';
import type { EventMessage, IntakeMessage } from './message.js';
import { recordQuery, ttlExpiry } from '../gcp/query-shapes.js';
import { Collections } from '../data-layout.js';

/**
 * Per-channel positions and the bounded event history behind gap filling and reconnect recovery.
 *
 * `eventChannels/{channel}` holds the channel's last position; `eventChannels/{channel}/batches/{first}`
 * holds one sequenced batch (positions `first..last`, the outbox entries it came from, the events)
 * for EVENT_HISTORY_SECONDS (Firestore TTL on `expireAt`; reads also filter by time, since TTL
 * deletion lags). The sequencer writes the counter and the batch in one transaction: one counter
 * write and one new document per batch, however many events the batch holds.
 */
/** Firestore documents hold at most 1 MiB; larger payloads keep their position but are not recoverable. */
export const MAX_STORED_BATCH = 900 * 1024;
/** `array-contains-any` takes at most 30 values. */
const DEDUP_CHUNK = 30;

interface ChannelDoc {
  channel: string;
  position: number;
  updated: number;
}

interface StoredEvent {
  id: string;
  endpoint: string;
  time: number;
  /** JSON of the payload; null when too large to keep */
  payload: string | null;
}

interface BatchDoc {
  first: number;
  last: number;
  /** outbox entries sequenced in this batch (deduplication of re-published entries) */
  entries: string[];
  time: number;
  /** JSON of StoredEvent[] */
  events: string;
  expireAt: Timestamp;
}

const channelRef = (channel: string) =>
  firestore().collection(Collections.eventChannels).doc(encodeURIComponent(channel)) as DocumentReference<ChannelDoc>;
const batchesOf = (channel: string) => channelRef(channel).collection(Collections.eventBatches);
const batchId = (first: number) => String(first).padStart(12, '0');

export const historySeconds = () => envInt('EVENT_HISTORY_SECONDS');
export const historyLimit = () => envInt('EVENT_HISTORY_LIMIT');

/** Outbox entries of `entries` already sequenced on the channel (still in the history). */
async function alreadySequenced(channel: string, entries: string[]): Promise<Set<string>> {
  const chunks: string[][] = [];
  for (let i = 0; i < entries.length; i += DEDUP_CHUNK) chunks.push(entries.slice(i, i + DEDUP_CHUNK));
  const snapshots = await Promise.all(
    chunks.map((chunk) => recordQuery(batchesOf(channel).where('entries', 'array-contains-any', chunk).select('entries')).get()),
  );
  const seen = new Set<string>();
  for (const snapshot of snapshots) for (const doc of snapshot.docs) for (const id of (doc.get('entries') as string[]) ?? []) seen.add(id);
  return seen;
}

function storedEventsOf(messages: EventMessage[]): string {
  const all: StoredEvent[] = messages.map((m) => ({
    id: m.id,
    endpoint: m.endpoint,
    time: m.time,
    payload: JSON.stringify(m.data ?? null),
  }));
  let json = JSON.stringify(all);
  if (json.length <= MAX_STORED_BATCH) return json;
  // drop the largest payloads until the batch fits: those positions exist but cannot be recovered
  for (const e of [...all].sort((a, b) => (b.payload?.length ?? 0) - (a.payload?.length ?? 0))) {
    e.payload = null;
    json = JSON.stringify(all);
    if (json.length <= MAX_STORED_BATCH) break;
  }
  return json;
}

/** Where a sequencer left a channel: its position and the counter's update time after that commit. */
export interface ChannelMark {
  position: number;
  updateTime: Timestamp;
}

export interface SequencedBatch {
  events: EventMessage[];
  /** the channel after the batch */
  mark?: ChannelMark;
  position: number;
  /** outbox entries of the input that were sequenced before (their events are not in `events`) */
  duplicates: string[];
}

/**
 * Gives the events of the intake messages (all on `channel`, in arrival order) the channel's next
 * positions and stores them as one batch: the counter and the batch document in one commit, on
 * the condition that the counter did not change since it was read (another sequencer instance:
 * the commit fails and the caller tries again). Optimistic rather than a read-write transaction,
 * whose locks the Firestore emulator resolves only by timing out under load. Entries sequenced
 * before (a re-published outbox entry, a redelivery) are skipped. `known` is where the caller
 * left the channel with its previous batch: the counter is then not read, the commit is
 * conditional on that update time, and the caller vouches that the messages are new (no
 * duplicate lookup); if someone else wrote the counter since, the commit fails and the caller
 * retries without `known`.
 */
export async function sequenceBatch(channel: string, messages: IntakeMessage[], known?: ChannelMark): Promise<SequencedBatch> {
  const unique = [...new Map(messages.map((m) => [m.entry, m])).values()];
  let start: number;
  let precondition: Timestamp | undefined;
  let seen = new Set<string>();
  if (known) {
    start = known.position;
    precondition = known.updateTime;
  } else {
    const [counter, sequenced] = await Promise.all([
      channelRef(channel).get(),
      alreadySequenced(
        channel,
        unique.map((m) => m.entry),
      ),
    ]);
    start = counter.data()?.position ?? 0;
    precondition = counter.exists ? counter.updateTime : undefined;
    seen = sequenced;
  }
  const fresh = unique.filter((m) => !seen.has(m.entry));
  const duplicates = messages.filter((m) => seen.has(m.entry)).map((m) => m.entry);
  if (fresh.length === 0) return { events: [], position: start, duplicates };
  let position = start;
  const events: EventMessage[] = fresh.flatMap((m) =>
    m.events.map((e) => ({ id: e.id, endpoint: e.endpoint, channel, position: ++position, data: e.data, time: m.time })),
  );
  const now = Date.now();
  const doc: BatchDoc = {
    first: start + 1,
    last: position,
    entries: fresh.map((m) => m.entry),
    time: now,
    events: storedEventsOf(events),
    expireAt: Timestamp.fromDate(ttlExpiry(Collections.eventBatches, 'expireAt', now + historySeconds() * 1000)),
  };
  const next: ChannelDoc = { channel, position, updated: now };
  const batch = firestore().batch();
  if (precondition) batch.update(channelRef(channel), { ...next }, { lastUpdateTime: precondition });
  else batch.create(channelRef(channel), next);
  batch.create(batchesOf(channel).doc(batchId(start + 1)), doc);
  const [counterWrite] = await batch.commit();
  return { events, position, duplicates, mark: { position, updateTime: counterWrite.writeTime } };
}

/** The channel's last assigned position (0 when nothing was ever sequenced on it). */
export async function currentPosition(channel: string): Promise<number> {
  const snapshot = await channelRef(channel).get();
  return snapshot.data()?.position ?? 0;
}

/**
 * Events with `from <= position <= to`, in order, from the history. Positions that are no longer
 * recoverable (older than EVENT_HISTORY_SECONDS, deleted, or too large to keep) are left out.
 */
export async function storedEvents(channel: string, from: number, to: number): Promise<EventMessage[]> {
  if (to < from) return [];
  const oldest = Date.now() - historySeconds() * 1000;
  // the batch holding `from` is the last one starting at or before it
  const [before, after] = await Promise.all([
    recordQuery(batchesOf(channel).where('first', '<=', from).orderBy('first', 'desc').limit(1)).get(),
    recordQuery(batchesOf(channel).where('first', '>', from).where('first', '<=', to).orderBy('first')).get(),
  ]);
  const events: EventMessage[] = [];
  for (const doc of [...before.docs, ...after.docs]) {
    const batch = doc.data() as BatchDoc;
    if (batch.time < oldest) continue;
    (JSON.parse(batch.events) as StoredEvent[]).forEach((e, i) => {
      const position = batch.first + i;
      if (position < from || position > to || e.payload === null) return;
      events.push({ id: e.id, endpoint: e.endpoint, channel, position, data: JSON.parse(e.payload) as unknown, time: e.time });
    });
  }
  return events;
}
