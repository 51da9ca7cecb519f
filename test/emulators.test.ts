import { randomUUID } from 'node:crypto';
import { Firestore } from '@google-cloud/firestore';
import { PubSub } from '@google-cloud/pubsub';
import { afterAll, describe, expect, it } from 'vitest';
import { bucket, firestore, pubsub } from '../shared/gcp/clients.js';
import { projectId } from '../shared/config.js';
import { clearBucket, resetFirestore, resetTestProject } from './helpers/reset.js';

describe('test environment', () => {
  it('gives this file its own project and bucket on the emulators', () => {
    expect(process.env.GOOGLE_CLOUD_PROJECT).toMatch(/^test-[0-9a-f]{10}$/);
    expect(process.env.STORAGE_BUCKET).toBe(`${process.env.GOOGLE_CLOUD_PROJECT}-content`);
    expect(process.env.FIRESTORE_EMULATOR_HOST).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(process.env.PUBSUB_EMULATOR_HOST).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(process.env.STORAGE_EMULATOR_HOST).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('Firestore emulator', () => {
  const other = new Firestore({ projectId: `${projectId()}-other`, preferRest: false, universeDomain: 'googleapis.com' });
  afterAll(() => other.terminate());

  it('reads back a written document', async () => {
    const ref = firestore().collection('probes').doc(randomUUID());
    await ref.set({ name: 'probe', count: 3, tags: ['a', 'b'] });
    const snapshot = await ref.get();
    expect(snapshot.exists).toBe(true);
    expect(snapshot.data()).toEqual({ name: 'probe', count: 3, tags: ['a', 'b'] });
  });

  it('reset clears one project and leaves another project alone', async () => {
    const ours = firestore().collection('probes').doc('kept-or-not');
    const theirs = other.collection('probes').doc('kept-or-not');
    await Promise.all([ours.set({ v: 1 }), theirs.set({ v: 2 })]);

    await resetFirestore(process.env.FIRESTORE_EMULATOR_HOST!, projectId());

    expect((await ours.get()).exists).toBe(false);
    expect((await theirs.get()).data()).toEqual({ v: 2 });
  });
});

describe('Pub/Sub emulator', () => {
  it('delivers a published message to a subscription', async () => {
    const [topic] = await pubsub().createTopic(`probe-${randomUUID()}`);
    const [subscription] = await topic.createSubscription(`probe-${randomUUID()}`);
    const received = new Promise<{ data: string; attributes: Record<string, string> }>((resolve, reject) => {
      subscription.once('error', reject);
      subscription.once('message', (message) => {
        message.ack();
        resolve({ data: message.data.toString(), attributes: message.attributes });
      });
    });

    await topic.publishMessage({ data: Buffer.from('hello'), attributes: { kind: 'probe' } });

    expect(await received).toEqual({ data: 'hello', attributes: { kind: 'probe' } });
    await subscription.close();
  });

  it('keeps topics apart per project', async () => {
    const name = `probe-${randomUUID()}`;
    await pubsub().createTopic(name);
    const other = new PubSub({ projectId: `${projectId()}-other`, emulatorMode: true, universeDomain: 'googleapis.com' });
    try {
      const [ours] = await pubsub().getTopics();
      const [theirs] = await other.getTopics();
      expect(ours.map((topic) => topic.name)).toContain(`projects/${projectId()}/topics/${name}`);
      expect(theirs).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('Cloud Storage emulator', () => {
  const content = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');

  it('stores simple and resumable uploads with their metadata', async () => {
    const simple = bucket().file('uploads/simple.txt');
    const resumable = bucket().file('uploads/resumable.bin');
    const large = Buffer.alloc(600 * 1024, 7);
    await simple.save(content, { resumable: false, contentType: 'text/plain', metadata: { metadata: { owner: 'u1' } } });
    await resumable.save(large, { resumable: true, contentType: 'application/octet-stream' });

    const [simpleMeta] = await simple.getMetadata();
    expect(simpleMeta).toMatchObject({ contentType: 'text/plain', size: String(content.length), metadata: { owner: 'u1' } });
    await simple.setMetadata({ metadata: { state: 'ready' } });
    expect((await simple.getMetadata())[0].metadata).toEqual({ owner: 'u1', state: 'ready' });
    expect((await resumable.download())[0].equals(large)).toBe(true);
  });

  it('hands out a resumable session URL a client can upload to', async () => {
    const file = bucket().file('uploads/session.bin');
    const [sessionUrl] = await file.createResumableUpload({ metadata: { contentType: 'application/pdf' } });
    expect(new URL(sessionUrl).hostname).toBe('127.0.0.1');

    const response = await fetch(sessionUrl, { method: 'PUT', body: content });

    expect(response.status).toBe(200);
    expect((await file.download())[0].equals(content)).toBe(true);
  });

  it('reads a byte range', async () => {
    const file = bucket().file('ranges/letters.txt');
    await file.save(content, { resumable: false });
    const [part] = await file.download({ start: 10, end: 15 });
    expect(part.toString()).toBe('abcdef');
  });

  it('lists by prefix, copies, moves and deletes objects', async () => {
    await Promise.all(['list/a/1', 'list/a/2', 'list/b/1'].map((name) => bucket().file(name).save(name, { resumable: false })));

    const [underA] = await bucket().getFiles({ prefix: 'list/a/' });
    expect(underA.map((file) => file.name).sort()).toEqual(['list/a/1', 'list/a/2']);

    await bucket().file('list/a/1').copy(bucket().file('list/c/copy'));
    expect((await bucket().file('list/c/copy').download())[0].toString()).toBe('list/a/1');

    await bucket().file('list/b/1').move('list/c/moved');
    expect((await bucket().file('list/b/1').exists())[0]).toBe(false);
    expect((await bucket().file('list/c/moved').download())[0].toString()).toBe('list/b/1');

    await bucket().file('list/a/2').delete();
    expect((await bucket().file('list/a/2').exists())[0]).toBe(false);
  });

  it('serves a signed read URL to a plain HTTP client, ranges included', async () => {
    const file = bucket().file('signed/hello.txt');
    await file.save(content, { resumable: false, contentType: 'text/plain' });
    const [url] = await file.getSignedUrl({ action: 'read', version: 'v4', expires: Date.now() + 60_000 });

    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe(content.toString());

    const ranged = await fetch(url, { headers: { range: 'bytes=0-3' } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe('0123');
  });

  it('clears one bucket without touching another', async () => {
    const other = bucket().storage.bucket(`${bucket().name}-other`);
    await bucket().file('wipe/me').save('x', { resumable: false });
    await other.file('keep/me').save('y', { resumable: false });

    await clearBucket(bucket());

    expect((await bucket().getFiles())[0]).toEqual([]);
    expect((await other.getFiles())[0].map((file) => file.name)).toEqual(['keep/me']);
  });
});

describe('resetTestProject', () => {
  it("empties this file's documents and objects", async () => {
    await firestore().collection('probes').doc('to-reset').set({ v: 1 });
    await bucket().file('to-reset').save('x', { resumable: false });

    await resetTestProject();

    expect((await firestore().collection('probes').get()).empty).toBe(true);
    expect((await bucket().getFiles())[0]).toEqual([]);
  });
});
