import { env, type ConfigName } from '../../shared/config.js';
import { pubsub } from '../../shared/gcp/clients.js';
import { ensureTopic } from '../../shared/gcp/topics.js';
import type { HostedFunction } from './function-host.js';

/** As infra/functions.tf: deliveries before a message goes to the function's dead-letter topic. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** The topic where a CloudEvent function's undeliverable messages end (infra/pubsub.tf names it the same). */
export const deadLetterTopicOf = (functionName: string): string => `${functionName}-dead-letter`;

/**
 * Locally, each CloudEvent function gets a push subscription on the Pub/Sub emulator to its own
 * URL; functions-framework turns the push body into the CloudEvent that Eventarc delivers in
 * production. Failed deliveries are retried with backoff and, after MAX_DELIVERY_ATTEMPTS, moved
 * to `<name>-dead-letter`; a function that settles dead letters also gets that topic pushed to it.
 * Returns a function that deletes those subscriptions.
 */
export async function wireEventTriggers(functions: HostedFunction[]): Promise<() => Promise<void>> {
  const created: string[] = [];
  const projectId = pubsub().projectId;
  const push = async (topic: string, name: string, url: string, deadLetterTopic?: string) => {
    await pubsub()
      .topic(topic)
      .createSubscription(name, {
        pushConfig: { pushEndpoint: `${url}/projects/${projectId}/topics/${topic}` },
        ackDeadlineSeconds: 60,
        retryPolicy: { minimumBackoff: { seconds: 1 }, maximumBackoff: { seconds: 10 } },
        ...(deadLetterTopic
          ? { deadLetterPolicy: { deadLetterTopic: pubsub().topic(deadLetterTopic).name, maxDeliveryAttempts: MAX_DELIVERY_ATTEMPTS } }
          : {}),
      });
    created.push(name);
  };
  for (const { deployable, url } of functions) {
    if (deployable.kind !== 'cloudevent' || !deployable.triggerTopicVar) continue;
    const topic = await ensureTopic(env(deployable.triggerTopicVar as ConfigName)!);
    const deadLetterTopic = await ensureTopic(deadLetterTopicOf(deployable.name));
    await push(topic, `${deployable.name}-trigger-${process.pid}`, url, deadLetterTopic);
    if (deployable.settlesDeadLetters) await push(deadLetterTopic, `${deployable.name}-dead-letter-trigger-${process.pid}`, url);
  }
  return async () => {
    await Promise.all(
      created.map((name) =>
        pubsub()
          .subscription(name)
          .delete()
          .catch(() => undefined),
      ),
    );
  };
}
