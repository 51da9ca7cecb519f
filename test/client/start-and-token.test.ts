import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths.js';

const run = promisify(execFile);
const tsx = (script: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', join(repoRoot, script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );

let stateDir: string;
beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'start-guard-'));
});
afterAll(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

/** A pid no process has any more. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('npm start refuses at once', () => {
  it('when another npm start holds the state folder, without starting anything', async () => {
    await writeFile(join(stateDir, 'start.lock'), `${process.pid}\n`);
    const result = await tsx('scripts/start.ts', [], { LOCAL_STATE_DIR: stateDir, PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `npm start: another npm start (pid ${process.pid}) is using ${stateDir}: stop it first, or set LOCAL_STATE_DIR to another folder`,
    );
    expect(result.stdout).toBe('');
    expect(await readFile(join(stateDir, 'start.lock'), 'utf8')).toBe(`${process.pid}\n`);
  });

  it('when its port is busy, and a stale lock of a dead process does not stop it from checking', async () => {
    await writeFile(join(stateDir, 'start.lock'), `${await deadPid()}\n`);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const result = await tsx('scripts/start.ts', [], { LOCAL_STATE_DIR: stateDir, PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `npm start: port ${port} is already in use: stop what listens there, or run PORT=<free port> npm start`,
      );
      expect(result.stdout).toBe('');
    } finally {
      busy.close();
    }
    // the stale lock was taken over, then released on exit
    await expect(readFile(join(stateDir, 'start.lock'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('npm run token', () => {
  it('--help prints every flag and exits 0', async () => {
    const result = await tsx('scripts/token.ts', ['--help'], { LOCAL_STATE_DIR: stateDir });
    expect(result.code).toBe(0);
    for (const flag of ['--user', '--name', '--email', '--scope', '--network', '--admin', '--workspace', '--ttl', '--help'])
      expect(result.stdout).toContain(flag);
  });

  it('names an unknown flag and a missing --user instead of crashing', async () => {
    const unknown = await tsx('scripts/token.ts', ['--bogus'], { LOCAL_STATE_DIR: stateDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--bogus'/);
    expect(unknown.stderr).toContain('usage:');
    const noUser = await tsx('scripts/token.ts', [], { LOCAL_STATE_DIR: stateDir });
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toMatch(/^--user is required/);
  });
});
