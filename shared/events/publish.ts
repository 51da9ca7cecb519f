import { randomUUID } from 'node:crypto';
import { requireEnv } from '../config.js';
import { pubsub } from '../gcp/clients.js';
import { ensureTopic } from '../gcp/topics.js';
import { log } from '../log.js';
import { isChannel } from './channels.js';
import { recordEvents } from './history.js';
import type { EventMessage, PendingEvent } from './message.js';

export type { EventMessage, PendingEvent } from './message.js';

/**
 * Publishes client events (after the writes that caused them have committed): each gets the next
 * position of its channel and a place in the recovery history, then goes out on the events topic
 * that every relay instance reads.
 */
export async function publishEvents(events: PendingEvent[]): Promise<EventMessage[]> {
  if (events.length === 0) return [];
  const invalid = events.find((e) => !isChannel(e.channel));
  if (invalid) throw new Error(`event ${invalid.endpoint} has an invalid channel "${invalid.channel}"`);
  const topic = await ensureTopic(requireEnv('EVENTS_TOPIC'));
  const messages = await recordEvents(events, randomUUID);
  await Promise.all(
    messages.map((m) =>
      pubsub()
        .topic(topic)
        .publishMessage({ json: m, attributes: { channel: m.channel, endpoint: m.endpoint, position: String(m.position) } }),
    ),
  );
  log.debug('events published', { count: messages.length, endpoints: messages.map((m) => m.endpoint) });
  return messages;
}
