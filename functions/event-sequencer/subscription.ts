import type { Subscription } from '@google-cloud/pubsub';
import { env, requireEnv } from '../../shared/config.js';
import { pubsub } from '../../shared/gcp/clients.js';
import { ensureTopic } from '../../shared/gcp/topics.js';
import { isAlreadyExists } from '../../shared/gcp/status-codes.js';

/** Pub/Sub leases a message this long before the client library extends it. */
export const ACK_DEADLINE_SECONDS = 30;

/**
 * The sequencer's pull subscription of the intake topic, with message ordering (one channel's
 * messages in publish order). Declared in infra/pubsub.tf; against the emulator it is created here,
 * with the same settings.
 */
export async function intakeSubscription(maxMessages: number): Promise<Subscription> {
  const topic = await ensureTopic(requireEnv('EVENTS_INTAKE_TOPIC'));
  const name = requireEnv('EVENTS_SEQUENCER_SUBSCRIPTION');
  // acknowledgements go out within 5 ms (the library's default waits 100 ms): with message ordering,
  // a channel's next messages are delivered only once the previous ones are acknowledged
  const subscription = pubsub().subscription(name, {
    flowControl: { maxMessages, allowExcessMessages: false },
    batching: { maxMilliseconds: 5 },
  });
  if (env('PUBSUB_EMULATOR_HOST')) {
    const [exists] = await subscription.exists();
    if (!exists) {
      await pubsub()
        .topic(topic)
        .createSubscription(name, { enableMessageOrdering: true, ackDeadlineSeconds: ACK_DEADLINE_SECONDS })
        .catch((err: unknown) => {
          if (!isAlreadyExists(err)) throw err; // created concurrently
        });
    }
  }
  return subscription;
}
