import { Timestamp, type DocumentReference } from '@google-cloud/firestore';
import { envInt } from '../config.js';
import { firestore } from '../gcp/clients.js';
import type { EventMessage, PendingEvent } from './message.js';
import { recordQuery, ttlExpiry } from '../gcp/query-shapes.js';

/**
 * Per-channel positions and the bounded event history behind reconnect recovery.
 *
 * `eventChannels/{channel}` holds the channel's last position; `eventChannels/{channel}/events/{position}`
 * holds each event for EVENT_HISTORY_SECONDS (Firestore TTL on `expireAt`; reads also filter by
 * time, since TTL deletion lags). A publish assigns positions and writes the history in one
 * atomic commit, so positions are unique and contiguous per channel whichever function publishes, and
 * every relay instance reads the same history.
 */
const CHANNELS = 'eventChannels';
const EVENTS = 'events';
/** Firestore documents hold at most 1 MiB; larger payloads keep their position but are not recoverable. */
const MAX_STORED_PAYLOAD = 900 * 1024;

interface ChannelDoc {
  channel: string;
  position: number;
  updated: number;
}

interface EventDoc {
  id: string;
  endpoint: string;
  position: number;
  time: number;
  /** JSON of the payload (Firestore cannot store nested arrays); null when too large to keep */
  payload: string | null;
  expireAt: Timestamp;
}

const channelRef = (channel: string) => firestore().collection(CHANNELS).doc(encodeURIComponent(channel)) as DocumentReference<ChannelDoc>;
const eventsOf = (channel: string) => channelRef(channel).collection(EVENTS);

export const historySeconds = () => envInt('EVENT_HISTORY_SECONDS');
export const historyLimit = () => envInt('EVENT_HISTORY_LIMIT');

/** Commits that lost a race on a channel counter are retried this many times. */
const MAX_ATTEMPTS = 30;
const FAILED_PRECONDITION = 9;
const ALREADY_EXISTS = 6;

/**
 * Assigns each event the next position of its channel and stores it in the history, atomically.
 * Optimistic: the counters are read, then one batch writes the events and the new counters on the
 * condition that no counter changed since it was read; a publisher that lost the race reads again.
 * (A read-write transaction would hold read locks that concurrent publishers of one channel all
 * need to upgrade, which the Firestore emulator resolves only by timing out.)
 */
export async function recordEvents(events: PendingEvent[], newId: () => string): Promise<EventMessage[]> {
  const channels = [...new Set(events.map((e) => e.channel))];
  const refs = channels.map(channelRef);
  for (let attempt = 1; ; attempt++) {
    const snapshots = await firestore().getAll(...refs);
    const last = new Map(channels.map((c, i) => [c, snapshots[i].data()?.position ?? 0]));
    const time = Date.now();
    const expireAt = Timestamp.fromDate(ttlExpiry(EVENTS, 'expireAt', time + historySeconds() * 1000));
    const messages = events.map((e) => {
      const position = last.get(e.channel)! + 1;
      last.set(e.channel, position);
      return { id: newId(), endpoint: e.endpoint, channel: e.channel, position, data: e.data, time };
    });
    const batch = firestore().batch();
    channels.forEach((channel, i) => {
      const counter: ChannelDoc = { channel, position: last.get(channel)!, updated: time };
      const seen = snapshots[i];
      if (seen.exists) batch.update(refs[i], { ...counter }, { lastUpdateTime: seen.updateTime! });
      else batch.create(refs[i], counter);
    });
    for (const m of messages) {
      const payload = JSON.stringify(m.data ?? null);
      const doc: EventDoc = { id: m.id, endpoint: m.endpoint, position: m.position, time, payload: payload.length <= MAX_STORED_PAYLOAD ? payload : null, expireAt };
      batch.create(eventsOf(m.channel).doc(String(m.position)), doc);
    }
    try {
      await batch.commit();
      return messages;
    } catch (err) {
      const code = (err as { code?: number }).code;
      if ((code !== FAILED_PRECONDITION && code !== ALREADY_EXISTS) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt)));
    }
  }
}

/** The channel's last assigned position (0 when nothing was ever published on it). */
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
  const snapshot = await recordQuery(eventsOf(channel).where('position', '>=', from).where('position', '<=', to).orderBy('position')).get();
  const events: EventMessage[] = [];
  for (const doc of snapshot.docs) {
    const e = doc.data() as EventDoc;
    if (e.payload === null || e.time < oldest) continue;
    events.push({ id: e.id, endpoint: e.endpoint, channel, position: e.position, data: JSON.parse(e.payload) as unknown, time: e.time });
  }
  return events;
}
