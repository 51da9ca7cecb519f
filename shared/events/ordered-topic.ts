import type { PubSub, Topic } from '@google-cloud/pubsub';
import { pubsub } from '../gcp/clients.js';
import { ensureTopic } from '../gcp/topics.js';

/** One ordered publisher per client and topic: an ordering key only orders the messages of one publisher. */
const orderedTopics = new WeakMap<PubSub, Map<string, Topic>>();

/**
 * A publisher with message ordering and a 1 ms batching window: events are latency-bound, and
 * concurrent publishes still share one request.
 */
export async function orderedTopic(name: string): Promise<Topic> {
  const client = pubsub();
  let topics = orderedTopics.get(client);
  if (!topics) orderedTopics.set(client, (topics = new Map()));
  let topic = topics.get(name);
  if (!topic) {
    await ensureTopic(name);
    topic = client.topic(name, { messageOrdering: true, batching: { maxMessages: 500, maxMilliseconds: 1 } });
    topics.set(name, topic);
  }
  return topic;
}

/** Publishes with an ordering key; a failed ordered publish pauses its key, so it is resumed for the next attempt. */
export async function publishOrdered(topic: Topic, orderingKey: string, json: unknown, attributes: Record<string, string> = {}): Promise<void> {
  try {
    await topic.publishMessage({ data: Buffer.from(JSON.stringify(json)), orderingKey, attributes });
  } catch (err) {
    topic.resumePublishing(orderingKey);
    throw err;
  }
}
