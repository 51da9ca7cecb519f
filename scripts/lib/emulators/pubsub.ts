import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { log } from '../../../shared/log.js';
import { LOOPBACK } from './ports.js';
import { pubsubJar } from './sdk.js';
import { startJavaEmulator } from './java.js';
import type { RunningEmulator } from './types.js';

const STATE_FILE = 'topology.json';

export interface PubsubOptions {
  /** folder holding the saved topics and subscriptions; absent: nothing is kept */
  dataDir?: string;
  /** the project whose topics and subscriptions are saved on stop */
  projectId: string;
}

interface Topology {
  topics: Record<string, unknown>[];
  subscriptions: Record<string, unknown>[];
}

/**
 * The Pub/Sub emulator jar, run directly with java. It keeps nothing on disk itself: with a data dir,
 * the project's topics and subscriptions (not undelivered messages) are saved on stop and recreated
 * on start.
 */
export async function startPubsub(options: PubsubOptions): Promise<RunningEmulator> {
  const started = Date.now();
  const jar = pubsubJar();
  const { child, port } = await startJavaEmulator('pubsub', (port) => ['-jar', jar, `--host=${LOOPBACK}`, `--port=${port}`]);
  const host = `${LOOPBACK}:${port}`;
  const restored = options.dataDir
    ? await restoreTopology(host, options.projectId, options.dataDir).catch(async (error: unknown) => {
        await child.stop();
        throw error;
      })
    : 0;
  log.info('emulator ready', { emulator: 'pubsub', host, ms: Date.now() - started, restored });

  return {
    host,
    stop: async () => {
      let saveError: unknown;
      if (options.dataDir && child.running) {
        saveError = await saveTopology(host, options.projectId, options.dataDir).catch((error: unknown) => error);
      }
      await child.stop();
      if (saveError) throw new Error(`Pub/Sub topics were not saved to ${options.dataDir}: ${String(saveError)}`);
    },
  };
}

async function saveTopology(host: string, projectId: string, dataDir: string): Promise<undefined> {
  const topology: Topology = {
    topics: await listAll(host, `projects/${projectId}/topics`, 'topics'),
    subscriptions: await listAll(host, `projects/${projectId}/subscriptions`, 'subscriptions'),
  };
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, STATE_FILE);
  await writeFile(`${file}.saving`, JSON.stringify(topology, null, 2));
  await rename(`${file}.saving`, file);
  return undefined;
}

/** Recreates saved topics, then their subscriptions; answers how many resources were recreated. */
async function restoreTopology(host: string, projectId: string, dataDir: string): Promise<number> {
  const file = join(dataDir, STATE_FILE);
  if (!existsSync(file)) return 0;
  const topology = JSON.parse(await readFile(file, 'utf8')) as Topology;
  const ours = (resource: Record<string, unknown>) => String(resource.name).startsWith(`projects/${projectId}/`);
  for (const topic of topology.topics.filter(ours)) await put(host, String(topic.name), without(topic, 'name'));
  for (const subscription of topology.subscriptions.filter(ours)) {
    await put(host, String(subscription.name), without(subscription, 'name'));
  }
  return topology.topics.length + topology.subscriptions.length;
}

async function listAll(host: string, path: string, field: 'topics' | 'subscriptions'): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let pageToken = '';
  do {
    const url = `http://${host}/v1/${path}?pageSize=1000${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as Record<string, unknown> & { nextPageToken?: string };
    items.push(...((page[field] as Record<string, unknown>[] | undefined) ?? []));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  return items;
}

async function put(host: string, name: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`http://${host}/v1/${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok && response.status !== 409) {
    throw new Error(`recreating ${name} answered ${response.status}: ${await response.text()}`);
  }
}

function without(resource: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...resource };
  delete copy[key];
  return copy;
}
