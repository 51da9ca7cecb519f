import type { Message, Subscription } from '@google-cloud/pubsub';
import { requireEnv } from '../../shared/config.js';
import { isChannel } from '../../shared/events/channels.js';
import type { EventMessage } from '../../shared/events/message.js';
import { pubsub } from '../../shared/gcp/clients.js';
import { ensureTopic } from '../../shared/gcp/topics.js';
import { log } from '../../shared/log.js';

/** Pub/Sub's shortest expiration: an instance killed without cleaning up loses its subscription a day later. */
const EXPIRATION_SECONDS = 24 * 3600;
/** Pub/Sub's shortest retention; a subscription only needs what its instance has not read yet. */
const RETENTION_SECONDS = 600;

export interface Fanout {
  subscription: string;
  stop(): Promise<void>;
}

function parse(message: Message): EventMessage | undefined {
  try {
    const event = JSON.parse(message.data.toString()) as EventMessage;
    if (typeof event.endpoint === 'string' && isChannel(event.channel) && Number.isInteger(event.position) && event.position > 0)
      return event;
  } catch {
    // reported below
  }
  log.error('dropping a malformed event message', { messageId: message.id });
  return undefined;
}

/**
 * This instance's own subscription to the events topic (every instance sees every event), created
 * at start with an expiration policy and deleted at a clean stop.
 */
export async function startFanout(instanceId: string, onEvent: (event: EventMessage) => void): Promise<Fanout> {
  const topic = await ensureTopic(requireEnv('EVENTS_TOPIC'));
  const name = `relay-${instanceId}`;
  const [subscription]: [Subscription, ...unknown[]] = await pubsub()
    .topic(topic)
    .createSubscription(name, {
      expirationPolicy: { ttl: { seconds: EXPIRATION_SECONDS } },
      messageRetentionDuration: { seconds: RETENTION_SECONDS },
      ackDeadlineSeconds: 10,
      // no message ordering: events carry their positions, and the hub delivers each channel in position order
      flowControl: { maxMessages: 2000 },
    });
  // acknowledgements go out within 5 ms, not the library's 100: unacknowledged events count against the flow control
  subscription.setOptions({ flowControl: { maxMessages: 2000 }, batching: { maxMilliseconds: 5 } });
  subscription.on('message', (message: Message) => {
    message.ack();
    const event = parse(message);
    if (event) onEvent(event);
  });
  subscription.on('error', (err: Error) => log.error('events subscription failed', { err, subscription: name }));
  log.info('relay subscribed to events', { subscription: name, topic });
  return {
    subscription: name,
    stop: async () => {
      await subscription.close().catch((err: Error) => log.warn('closing the events subscription failed', { err }));
      await subscription.delete().catch((err: Error) => log.warn('deleting the events subscription failed', { err, subscription: name }));
    },
  };
}
