import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServers } from '../../scripts/lib/function-host.js';
import { createIssuerKeys, issuerEnv, serveJwks } from '../../scripts/lib/issuer.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { startStack, type RunningStack } from '../../scripts/lib/stack.js';

const run = promisify(execFile);

/** The README's second-terminal block, exactly as a user pastes it. */
async function quickstartBlock(): Promise<string> {
  const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
  const from = readme.indexOf('In the second terminal, paste this block.');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from));
  if (from < 0 || !block) throw new Error('README has no quickstart block');
  return block[1];
}

let stack: RunningStack;
let jwks: Awaited<ReturnType<typeof serveJwks>>;
let stateDir: string;

beforeAll(async () => {
  // the stack trusts issuer keys kept in a state folder, as npm start does, so `npm run token` works
  stateDir = await mkdtemp(join(tmpdir(), 'quickstart-'));
  const keys = await createIssuerKeys();
  await writeFile(join(stateDir, 'issuer-keys.json'), JSON.stringify(keys));
  jwks = await serveJwks(keys);
  Object.assign(process.env, issuerEnv(jwks.url));
  stack = await startStack({ port: 0 });
});

afterAll(async () => {
  await stack?.stop();
  if (jwks) await closeServers([jwks.server]);
  await rm(stateDir, { recursive: true, force: true });
});

describe('README quickstart', () => {
  it('runs as pasted: token, resource, bytes, ready, thumbnail, a chats room, and a live event on a socket', async () => {
    const block = await quickstartBlock();
    expect(block).toContain('API=http://127.0.0.1:8080\n');
    expect(block).not.toMatch(/\/ops\//);
    const script = block.replace('API=http://127.0.0.1:8080\n', `API=${stack.url}\n`);
    const { stdout } = await run('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd: repoRoot,
      env: { ...process.env, LOCAL_STATE_DIR: stateDir, TMPDIR: stateDir },
      timeout: 150_000,
    });
    expect(stdout).toMatch(/^live: 204$/m);
    expect(stdout).toMatch(/^resource [0-9a-f-]{36}$/m);
    expect(stdout).toMatch(/^thumbnail: 200 image\/jpeg [1-9]\d* bytes$/m);
    expect((await stat(join(stateDir, 'thumbnail'))).size).toBeGreaterThan(0);
    expect(stdout).toMatch(/"type":"group","name":"Design review"/);
    const room = /^joined room:([0-9a-f-]{36})$/m.exec(stdout)?.[1];
    expect(room).toBeDefined();
    expect(stdout).toMatch(new RegExp(`^event chats:roomUpdated on room:${room} \\(position \\d+\\): .*"name":"Renamed at`, 'm'));
  }, 180_000);
});
