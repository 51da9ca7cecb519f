import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths.js';

const stateDir = await mkdtemp(join(tmpdir(), 'stack-state-'));
afterAll(() => rm(stateDir, { recursive: true, force: true }));

/** Runs `npm start`'s script as a user would, with its own emulators and state folder. */
function start(extraArgs: string[] = []) {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOCAL_STATE_DIR: stateDir, LOG_LEVEL: 'INFO' };
  for (const name of [
    'FIRESTORE_EMULATOR_HOST',
    'PUBSUB_EMULATOR_HOST',
    'STORAGE_EMULATOR_HOST',
    'GOOGLE_CLOUD_PROJECT',
    'STORAGE_BUCKET',
    'AUTH_JWKS_URL',
    'AUTH_ISSUER',
    'AUTH_AUDIENCE',
    'PUBLIC_BASE_URL',
  ])
    delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...extraArgs], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; hosts: string[] }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^ready (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (match) resolve({ url: match[1], hosts: [...output.matchAll(/"(?:firestoreHost|pubsubHost)":"([^"]+)"/g)].map((m) => m[1]) });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${output.slice(-2000)}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

async function mint(user: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/token.ts', '--user', user], {
    cwd: repoRoot,
    env: { ...process.env, LOCAL_STATE_DIR: stateDir },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  return out.trim();
}

describe('npm start', () => {
  it('prints the ready line, serves the slice with a token from the token script, stops its children on SIGTERM and keeps data', async () => {
    const user = '3f1c2d9e-8a6b-4c1e-9f3a-5b7d2e4c6a80';
    const first = start(['--fresh']);
    const { url, hosts } = await first.ready;
    expect((await fetch(`${url}/health/live`)).status).toBe(204);
    const token = await mint(user);
    const created = await fetch(`${url}/api/v0/resource/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ resource: { title: 'kept across restarts' } }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    for (const host of hosts) await expect(fetch(`http://${host}/`)).rejects.toThrow();

    const second = start();
    const again = await second.ready;
    const read = await fetch(`${again.url}/ops/resource:get`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { resource: id } }),
    });
    expect(((await read.json()) as { data: { resource: { title: string } } }).data.resource.title).toBe('kept across restarts');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
