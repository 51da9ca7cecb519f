import { randomUUID } from 'node:crypto';
import { requireEnv } from '../config.js';
import { pubsub } from '../gcp/clients.js';
import { log } from '../log.js';
import { ensureTopic } from '../gcp/topics.js';

/** What travels on the events topic, from functions to every relay instance. */
export interface EventMessage {
  id: string;
  /** seed event name, e.g. `resource:updated` */
  endpoint: string;
  channel: string;
  data: unknown;
  /** publish time, ms since epoch */
  time: number;
}

export interface PendingEvent {
  endpoint: string;
  channel: string;
  data: unknown;
}

/** Publishes client events (after the writes that caused them have committed). */
export async function publishEvents(events: PendingEvent[]): Promise<EventMessage[]> {
  if (events.length === 0) return [];
  const topic = await ensureTopic(requireEnv('EVENTS_TOPIC'));
  const messages = events.map((e) => ({ id: randomUUID(), time: Date.now(), ...e }));
  await Promise.all(
    messages.map((m) =>
      pubsub()
        .topic(topic)
        .publishMessage({ json: m, attributes: { channel: m.channel, endpoint: m.endpoint } }),
    ),
  );
  log.debug('events published', { count: messages.length, endpoints: messages.map((m) => m.endpoint) });
  return messages;
}
