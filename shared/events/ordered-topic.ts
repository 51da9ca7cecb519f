import type { PubSub, Topic } from '@google-cloud/pubsub';
import { pubsub } from '../gcp/clients.js';
import { ensureTopic } from '../gcp/topics.js';

/** One ordered publisher per client and topic: an ordering key only orders the messages of one publisher. */
const orderedTopics = new WeakMap<PubSub, Map<string, Topic>>();
const batchedTopics = new WeakMap<PubSub, Map<string, Topic>>();

async function cachedTopic(cache: WeakMap<PubSub, Map<string, Topic>>, name: string, create: (client: PubSub) => Topic): Promise<Topic> {
  const client = pubsub();
  let topics = cache.get(client);
  if (!topics) cache.set(client, (topics = new Map()));
  let topic = topics.get(name);
  if (!topic) {
    await ensureTopic(name);
    topic = create(client);
    topics.set(name, topic);
  }
  return topic;
}

/**
 * A publisher with message ordering and a 1 ms batching window: events are latency-bound, and
 * concurrent publishes still share one request.
 */
export function orderedTopic(name: string): Promise<Topic> {
  return cachedTopic(orderedTopics, name, (client) =>
    client.topic(name, { messageOrdering: true, batching: { maxMessages: 500, maxMilliseconds: 1 } }),
  );
}

/**
 * A publisher without ordering keys, 1 ms batching: every message published within a millisecond
 * shares one request whatever its channel (an ordered publisher sends one request per key, and
 * one at a time per key). For messages that carry their own order (sequenced positions).
 */
export function batchedTopic(name: string): Promise<Topic> {
  return cachedTopic(batchedTopics, name, (client) => client.topic(name, { batching: { maxMessages: 1000, maxMilliseconds: 1 } }));
}

/** Publishes with an ordering key; a failed ordered publish pauses its key, so it is resumed for the next attempt. */
export async function publishOrdered(
  topic: Topic,
  orderingKey: string,
  json: unknown,
  attributes: Record<string, string> = {},
): Promise<void> {
  try {
    await topic.publishMessage({ data: Buffer.from(JSON.stringify(json)), orderingKey, attributes });
  } catch (err) {
    topic.resumePublishing(orderingKey);
    throw err;
  }
}
