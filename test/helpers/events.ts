import { randomUUID } from 'node:crypto';
import type { Message } from '@google-cloud/pubsub';
import { acquireSequencer } from '../../functions/event-sequencer/index.js';
import { requireEnv } from '../../shared/config.js';
import { publishEvents, type EventMessage, type PendingEvent } from '../../shared/events/publish.js';
import { pubsub } from '../../shared/gcp/clients.js';
import { ensureTopic } from '../../shared/gcp/topics.js';

/** Reads back, from the Pub/Sub emulator, the client events functions publish. */
export interface EventTap {
  received: EventMessage[];
  /** resolves with the first event matching, waiting up to `timeoutMs` */
  next(predicate: (e: EventMessage) => boolean, timeoutMs?: number): Promise<EventMessage>;
  close(): Promise<void>;
}

/** Also runs the event sequencer in this process (as the local stack does), for tests that host functions themselves. */
export async function tapEvents(): Promise<EventTap> {
  const sequencer = await acquireSequencer();
  const topic = await ensureTopic(requireEnv('EVENTS_TOPIC'));
  const [subscription] = await pubsub().topic(topic).createSubscription(`tap-${randomUUID()}`);
  const received: EventMessage[] = [];
  const waiters: Array<{ predicate: (e: EventMessage) => boolean; resolve: (e: EventMessage) => void }> = [];
  subscription.on('message', (message: Message) => {
    message.ack();
    const event = JSON.parse(message.data.toString()) as EventMessage;
    received.push(event);
    for (const w of [...waiters]) {
      if (w.predicate(event)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(event);
      }
    }
  });
  return {
    received,
    next: (predicate, timeoutMs = 10_000) => {
      const seen = received.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching event within ${timeoutMs} ms; got ${received.map((e) => e.endpoint).join(', ')}`)),
          timeoutMs,
        );
        waiters.push({ predicate, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    close: async () => {
      await subscription.close();
      await subscription.delete().catch(() => undefined);
      await sequencer.release();
    },
  };
}

/** Publishes through the pipeline (outbox, intake, sequencer) and answers the events as sequenced, in emit order. */
export async function publishSequenced(tap: EventTap, events: PendingEvent[]): Promise<EventMessage[]> {
  const staged = await publishEvents(events);
  return Promise.all(staged.map((e) => tap.next((m) => m.id === e.id)));
}
