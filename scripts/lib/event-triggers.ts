import { env, type ConfigName } from '../../shared/config.js';
import { pubsub } from '../../shared/gcp/clients.js';
import { ensureTopic } from '../../shared/gcp/topics.js';
import type { HostedFunction } from './function-host.js';

/**
 * Locally, each CloudEvent function gets a push subscription on the Pub/Sub emulator to its own
 * URL; functions-framework turns the push body into the CloudEvent that Eventarc delivers in
 * production. Returns a function that deletes those subscriptions.
 */
export async function wireEventTriggers(functions: HostedFunction[]): Promise<() => Promise<void>> {
  const created: string[] = [];
  for (const { deployable, url } of functions) {
    if (deployable.kind !== 'cloudevent' || !deployable.triggerTopicVar) continue;
    const topic = await ensureTopic(env(deployable.triggerTopicVar as ConfigName)!);
    const name = `${deployable.name}-trigger-${process.pid}`;
    const projectId = pubsub().projectId;
    await pubsub()
      .topic(topic)
      .createSubscription(name, {
        pushConfig: { pushEndpoint: `${url}/projects/${projectId}/topics/${topic}` },
        ackDeadlineSeconds: 60,
        retryPolicy: { minimumBackoff: { seconds: 1 }, maximumBackoff: { seconds: 10 } },
      });
    created.push(name);
  }
  return async () => {
    await Promise.all(created.map((name) => pubsub().subscription(name).delete().catch(() => undefined)));
  };
}
