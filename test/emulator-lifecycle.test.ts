import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from '../scripts/lib/emulators/index.js';

/**
 * Emulator sets of their own (not the run's shared ones), talked to over their REST APIs: the Google
 * clients would follow this worker's *_EMULATOR_HOST variables to the run's emulators instead.
 */
const project = 'lifecycle-demo';
const bucket = `${project}-content`;
const document = `http://{host}/v1/projects/${project}/databases/(default)/documents/rooms/r1`;

async function writeState(emulators: RunningEmulators) {
  const written = await fetch(document.replace('{host}', emulators.firestoreHost), {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: 'Bearer owner' },
    body: JSON.stringify({ fields: { title: { stringValue: 'kept' } } }),
  });
  expect(written.status).toBe(200);
  const pubsub = `http://${emulators.pubsubHost}/v1/projects/${project}`;
  expect((await fetch(`${pubsub}/topics/jobs`, { method: 'PUT' })).status).toBe(200);
  const subscribed = await fetch(`${pubsub}/subscriptions/jobs-worker`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ topic: `projects/${project}/topics/jobs`, ackDeadlineSeconds: 42 }),
  });
  expect(subscribed.status).toBe(200);
  const uploaded = await fetch(`${emulators.storageHost}/upload/storage/v1/b/${bucket}/o?uploadType=media&name=originals%2Fr1.txt`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: 'kept bytes',
  });
  expect(uploaded.status).toBe(200);
}

async function readState(emulators: RunningEmulators) {
  const doc = await fetch(document.replace('{host}', emulators.firestoreHost), { headers: { authorization: 'Bearer owner' } });
  const subscription = await fetch(`http://${emulators.pubsubHost}/v1/projects/${project}/subscriptions/jobs-worker`);
  const listed = (await (await fetch(`${emulators.storageHost}/storage/v1/b/${bucket}/o`)).json()) as { items?: { name: string }[] };
  const objects = await Promise.all(
    (listed.items ?? []).map(async ({ name }) => {
      const media = await fetch(`${emulators.storageHost}/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}?alt=media`);
      return `${name}=${await media.text()}`;
    }),
  );
  return {
    title: doc.ok ? ((await doc.json()) as { fields: { title: { stringValue: string } } }).fields.title.stringValue : null,
    subscription: subscription.ok ? ((await subscription.json()) as { topic: string; ackDeadlineSeconds: number }) : null,
    objects,
  };
}

describe('emulators with a data dir', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'emulators-lifecycle-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keep documents, topics, subscriptions and objects across stop and start, until started fresh', { timeout: 90_000 }, async () => {
    const first = await startEmulators({ dataDir, projectId: project });
    try {
      await writeState(first);
    } finally {
      await first.stop();
    }

    const second = await startEmulators({ dataDir, projectId: project });
    try {
      expect(await readState(second)).toEqual({
        title: 'kept',
        subscription: expect.objectContaining({ topic: `projects/${project}/topics/jobs`, ackDeadlineSeconds: 42 }),
        objects: ['originals/r1.txt=kept bytes'],
      });
    } finally {
      await second.stop();
    }

    const fresh = await startEmulators({ dataDir, projectId: project, fresh: true });
    try {
      expect(await readState(fresh)).toEqual({ title: null, subscription: null, objects: [] });
    } finally {
      await fresh.stop();
    }
  });
});

describe('emulators without Java', () => {
  const path = process.env.PATH;
  const javaHome = process.env.JAVA_HOME;
  afterAll(() => {
    process.env.PATH = path;
    if (javaHome !== undefined) process.env.JAVA_HOME = javaHome;
  });

  it('fail with a message that says what to install', async () => {
    process.env.PATH = '/nonexistent';
    delete process.env.JAVA_HOME;
    await expect(startEmulators()).rejects.toThrow(/Java is not installed.*apt-get install -y openjdk-17-jre-headless/);
  });
});
