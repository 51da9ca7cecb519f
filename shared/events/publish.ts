import { randomUUID } from 'node:crypto';
import type { PubSub, Topic } from '@google-cloud/pubsub';
import { requireEnv } from '../config.js';
import { pubsub } from '../gcp/clients.js';
import { ensureTopic } from '../gcp/topics.js';
import { log } from '../log.js';
import { isChannel } from './channels.js';
import { recordEvents } from './history.js';
import type { EventMessage, PendingEvent } from './message.js';

export type { EventMessage, PendingEvent } from './message.js';

/** One ordered publisher per client and topic: the ordering key (the channel) only orders messages of one publisher. */
const orderedTopics = new WeakMap<PubSub, Map<string, Topic>>();

function orderedTopic(name: string): Topic {
  const client = pubsub();
  let topics = orderedTopics.get(client);
  if (!topics) orderedTopics.set(client, (topics = new Map()));
  let topic = topics.get(name);
  if (!topic) topics.set(name, (topic = client.topic(name, { messageOrdering: true })));
  return topic;
}

/**
 * Publishes client events (after the writes that caused them have committed): each gets the next
 * position of its channel and a place in the recovery history, then goes out on the events topic
 * that every relay instance reads.
 */
export async function publishEvents(events: PendingEvent[]): Promise<EventMessage[]> {
  if (events.length === 0) return [];
  const invalid = events.find((e) => !isChannel(e.channel));
  if (invalid) throw new Error(`event ${invalid.endpoint} has an invalid channel "${invalid.channel}"`);
  const topic = orderedTopic(await ensureTopic(requireEnv('EVENTS_TOPIC')));
  const messages = await recordEvents(events, randomUUID);
  try {
    // ordered by channel, so the events of one channel from one publisher reach each relay in position order
    await Promise.all(
      messages.map((m) =>
        topic.publishMessage({ json: m, orderingKey: m.channel, attributes: { channel: m.channel, endpoint: m.endpoint, position: String(m.position) } }),
      ),
    );
  } catch (err) {
    // a failed ordered publish pauses its key until resumed
    for (const channel of new Set(messages.map((m) => m.channel))) topic.resumePublishing(channel);
    throw err;
  }
  log.debug('events published', { count: messages.length, endpoints: messages.map((m) => m.endpoint) });
  return messages;
}
