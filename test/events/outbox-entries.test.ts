import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Collections } from '../../shared/data-layout.js';
import type { OutboxEntry } from '../../shared/events/message.js';
import { commitWithEvents, MAX_ENTRY_EVENTS_BYTES, newOutboxEntries, transactionWithEvents } from '../../shared/events/outbox.js';
import { firestore } from '../../shared/gcp/clients.js';

/** A commit's events are stored with it however large they are together; one event too large to store refuses the commit. */
const text = (bytes: number) => 'x'.repeat(bytes);
const collecting = () => {
  const entries: OutboxEntry[] = [];
  return { entries, publisher: { committed: (entry: OutboxEntry) => void entries.push(entry) } };
};

describe('outbox entries of one commit', () => {
  it('splits events too large for one document over several entries, in emit order, each carrying the re-check', () => {
    const third = Math.floor(MAX_ENTRY_EVENTS_BYTES / 3);
    const pending = [1, 2, 3, 4].map((n) => ({
      endpoint: 'resource:updated',
      channel: `resource:r${n}`,
      data: { n, filler: text(third) },
    }));
    const entries = newOutboxEntries(pending, { resources: ['r1'] });
    expect(entries.length).toBe(2);
    expect(entries.flatMap((e) => e.events.map((x) => (x.data as { n: number }).n))).toEqual([1, 2, 3, 4]);
    for (const entry of entries) {
      expect(Buffer.byteLength(JSON.stringify(entry.events))).toBeLessThanOrEqual(MAX_ENTRY_EVENTS_BYTES);
      expect(entry.recheck).toEqual({ resources: ['r1'] });
    }
  });

  it('writes every entry in the transaction that commits the change, and hands them all over', async () => {
    const { entries, publisher } = collecting();
    const id = randomUUID();
    const half = Math.floor(MAX_ENTRY_EVENTS_BYTES / 2);
    await transactionWithEvents(publisher, async (tx, events) => {
      tx.set(firestore().collection('outboxCheck').doc(id), { done: true });
      for (const n of [1, 2, 3]) events.emit('resource:updated', `resource:${id}`, { n, filler: text(half) });
    });
    expect(entries.length).toBe(3);
    const stored = await firestore().getAll(...entries.map((e) => firestore().collection(Collections.eventOutbox).doc(e.id)));
    expect(stored.map((s) => s.exists)).toEqual([true, true, true]);
    expect((await firestore().collection('outboxCheck').doc(id).get()).exists).toBe(true);
  });

  it('refuses, with nothing written, a change whose single event is too large to store', async () => {
    const { entries, publisher } = collecting();
    const id = randomUUID();
    const batch = firestore().batch();
    batch.set(firestore().collection('outboxCheck').doc(id), { done: true });
    await expect(
      commitWithEvents(batch, publisher, [
        { endpoint: 'resource:updated', channel: `resource:${id}`, data: { filler: text(MAX_ENTRY_EVENTS_BYTES) } },
      ]),
    ).rejects.toThrow(/resource:updated event .* too large to store/);
    expect(entries).toEqual([]);
    expect((await firestore().collection('outboxCheck').doc(id).get()).exists).toBe(false);
  });
});
