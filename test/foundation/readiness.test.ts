import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFirestore } from '../../scripts/lib/emulators/firestore.js';
import type { RunningEmulator } from '../../scripts/lib/emulators/types.js';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
let firestore: RunningEmulator;
const shared = { project: process.env.GOOGLE_CLOUD_PROJECT, host: process.env.FIRESTORE_EMULATOR_HOST };

beforeAll(async () => {
  // This file's own Firestore emulator, so stopping it leaves the other test files alone. A fresh
  // project id makes the clients connect to it.
  firestore = await startFirestore({ projectId: `ready-${randomUUID().slice(0, 8)}` });
  process.env.FIRESTORE_EMULATOR_HOST = firestore.host;
  process.env.GOOGLE_CLOUD_PROJECT = `ready-${randomUUID().slice(0, 8)}`;
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
  await firestore?.stop().catch(() => undefined);
  process.env.GOOGLE_CLOUD_PROJECT = shared.project;
  process.env.FIRESTORE_EMULATOR_HOST = shared.host;
});

describe('readiness when a fundamental dependency goes down', () => {
  it('answers 204, then 500 and an error health status once Firestore is stopped', async () => {
    const api = new ApiClient(stack.url);
    expect(await becomesReady(api)).toBe(204);

    await firestore.stop();

    const ready = await api.get<{ traceId: string; message: string }>('/health/ready');
    expect(ready.status).toBe(500);
    expect(ready.body.message).toMatch(/database/);
    const health = await api.get<{ status: string; dependencies: Array<{ name: string; isHealthy: boolean }> }>('/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('error');
    expect(health.body.dependencies.find((d) => d.name === 'database')?.isHealthy).toBe(false);
    expect((await api.get('/health/live')).status).toBe(204);
  });
});

/** Readiness is polled, as a load balancer does: fresh clients may need a moment to connect. */
async function becomesReady(api: ApiClient): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 10 && status !== 204; attempt++) status = (await api.get('/health/ready')).status;
  return status;
}
