import { randomUUID } from 'node:crypto';
import type { Message } from '@google-cloud/pubsub';
import { deployables } from '../../functions/manifest.js';
import { requireEnv } from '../../shared/config.js';
import type { ProcessingJob } from '../../shared/content/processing-job.js';
import { pubsub } from '../../shared/gcp/clients.js';
import { ensureTopic } from '../../shared/gcp/topics.js';
import type { StorageNotifier } from '../../scripts/lib/storage-notifier.js';
import { ApiClient } from '../helpers/client.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

export interface ReceivedJob {
  job: ProcessingJob;
  attributes: Record<string, string>;
}

/** Reads back the processing jobs published on PROCESSING_TOPIC. */
export interface JobTap {
  received: ReceivedJob[];
  next(resourceId: string, timeoutMs?: number): Promise<ReceivedJob>;
  close(): Promise<void>;
}

export async function tapJobs(): Promise<JobTap> {
  const topic = await ensureTopic(requireEnv('PROCESSING_TOPIC'));
  const [subscription] = await pubsub().topic(topic).createSubscription(`jobs-${randomUUID()}`);
  const received: ReceivedJob[] = [];
  subscription.on('message', (message: Message) => {
    message.ack();
    received.push({ job: JSON.parse(message.data.toString()) as ProcessingJob, attributes: message.attributes });
  });
  return {
    received,
    next: (resourceId, timeoutMs = 15_000) =>
      waitFor(() => received.find((r) => r.job.resourceId === resourceId), timeoutMs, `no processing job for ${resourceId}`),
    close: async () => {
      await subscription.close();
      await subscription.delete().catch(() => undefined);
    },
  };
}

/** Polls `probe` until it returns a value (or a promise of one), for up to `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface ContentStack {
  stack: TestStack;
  anon: ApiClient;
  events: EventTap;
  jobs: JobTap;
  notifier: StorageNotifier;
  stop(): Promise<void>;
}

/**
 * The whole stack with the local storage notifier, minus the functions consuming processing jobs
 * (the tests read the jobs themselves, and resources stay `processing`).
 */
export async function startContentStack(env: Record<string, string> = {}): Promise<ContentStack> {
  Object.assign(process.env, env);
  const stack = await startTestStack({ deployables: deployables.filter((d) => d.triggerTopicVar !== 'PROCESSING_TOPIC') });
  const [events, jobs] = await Promise.all([tapEvents(), tapJobs()]);
  const notifier = stack.stack.notifier;
  if (!notifier) throw new Error('the stack started no storage notifier: is upload-finalized deployed?');
  return {
    stack,
    anon: new ApiClient(stack.url),
    events,
    jobs,
    notifier,
    stop: async () => {
      await Promise.all([events.close(), jobs.close()]);
      await stack.stop();
    },
  };
}

export type ClientResource = { id: string; status: string; belonging: string; metadata?: Record<string, unknown>; updated: number };

/** A resource of `token`'s user waiting for its content. */
export async function createPending(api: ApiClient, resource: Record<string, unknown> = {}): Promise<ClientResource> {
  const created = await api.post<ClientResource>('/api/v0/resource/create', { resource: { title: 'Upload', ...resource } });
  if (created.status !== 200) throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body;
}

export async function getResource(api: ApiClient, id: string): Promise<ClientResource> {
  const res = await api.ops<{ resource: ClientResource }>('resource:get', { resource: id });
  if (res.status !== 200) throw new Error(`resource:get answered ${res.status}`);
  return res.body.data.resource;
}
