import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deployables, type Deployable } from '../../functions/manifest.js';

/**
 * What production runs is what was tested: the deploy source `npm run package` stages, installed
 * with production dependencies only, starts every deployable (functions through functions-framework
 * as Cloud Functions runs them, the relay by the Dockerfile's CMD) and each answers its health
 * route. The commands are read from the relay's Dockerfile, so this covers the image's contents.
 */
const repoRoot = new URL('../../', import.meta.url).pathname;
const dockerfile = readFileSync(join(repoRoot, 'functions/relay/Dockerfile'), 'utf8');

/** The RUN commands and the CMD of each stage of the Dockerfile. */
function dockerSteps(): { build: string[]; runtime: string[]; cmd: string[] } {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runs = (stage: string) => [...stage.matchAll(/^RUN (.+)$/gm)].flatMap((m) => m[1].split('&&').map((c) => c.trim()));
  const cmd = /^CMD (\[.+\])$/m.exec(stages.at(-1) ?? '')?.[1];
  return { build: runs(stages[0]), runtime: runs(stages.at(-1)!), cmd: cmd ? (JSON.parse(cmd) as string[]) : [] };
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts a process from the staged folder and resolves once it printed `ready` (it listens then). */
function start(stage: string, argv: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.FIRESTORE_QUERY_LOG_DIR;
  const child = spawn(argv[0], argv.slice(1), { cwd: stage, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      if (ready.test(output)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code} before it was ready:\n${output}`)));
  });
}

/** A Pub/Sub push of a message no job can be made of: a healthy CloudEvent function acknowledges and drops it. */
const pubsubEvent = (name: string) => ({
  specversion: '1.0',
  id: `health-${name}`,
  source: '//pubsub.googleapis.com/projects/test/topics/health',
  type: 'google.cloud.pubsub.topic.v1.messagePublished',
  datacontenttype: 'application/json',
  data: { message: { data: Buffer.from('{}').toString('base64'), messageId: `health-${name}`, attributes: {} }, subscription: 'health' },
});

async function health(d: Deployable, port: number): Promise<Record<string, number>> {
  const url = `http://127.0.0.1:${port}`;
  if (d.kind === 'cloudevent') {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json' },
      body: JSON.stringify(pubsubEvent(d.name)),
    });
    return { 'POST / (CloudEvent)': res.status };
  }
  const paths = d.name === 'system' || d.kind === 'cloudrun' ? ['/health/live', '/health/ready'] : ['/health/live'];
  const out: Record<string, number> = {};
  for (const path of paths) {
    // a fresh process's first Firestore round trip can outlast the readiness probe's bound on a loaded machine
    let res = await fetch(url + path);
    for (let attempt = 1; attempt < 5 && res.status >= 500; attempt++) res = await fetch(url + path);
    if (res.status >= 300) process.stderr.write(`${d.name} ${path}: ${res.status} ${await res.text()}\n`);
    out[path] = res.status;
  }
  return out;
}

/** The log line a Cloud Run service writes once it serves. */
const startedLine = (name: string): RegExp => (name === 'relay' ? /"relay started"/ : /"event sequencer started"/);

describe('the staged deploy source', () => {
  it(
    'installs with production dependencies only and starts every deployable, relay included, answering its health route',
    { timeout: 900_000 },
    async () => {
      const steps = dockerSteps();
      // the Dockerfile stages with `npm run package`, installs the staged folder for production, starts the relay entry
      const packageStep = steps.build.find((c) => c.startsWith('npm run package'));
      const installStep = steps.runtime.find((c) => c.startsWith('npm ci') && c.includes('--omit=dev'));
      expect(packageStep, 'Dockerfile stages with npm run package -- --out DIR').toMatch(/^npm run package -- --out \S+$/);
      expect(installStep, 'Dockerfile installs the staged folder with npm ci --omit=dev').toBeDefined();
      // one image for the Cloud Run services: FUNCTION_TARGET (K_SERVICE) picks the relay or the sequencer
      expect(steps.cmd).toEqual(['node', 'dist/functions/entry.js']);
      expect(dockerfile).toMatch(/COPY --from=build \/deploy \.\//);

      const stage = mkdtempSync(join(tmpdir(), 'deploy-source-'));
      try {
        await run('npm', [...packageStep!.split(' ').slice(1, -1), stage], repoRoot);
        expect(existsSync(join(stage, 'dist/functions/entry.js'))).toBe(true);
        const staged = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8')) as { scripts?: unknown; main: string };
        expect(staged.scripts).toBeUndefined();
        expect(existsSync(join(stage, staged.main))).toBe(true);

        // one production install per lock file, reused by later runs (from the npm cache when it has everything)
        const lock = readFileSync(join(stage, 'package-lock.json'));
        const installDir = join(tmpdir(), `deploy-source-install-${createHash('sha256').update(lock).digest('hex').slice(0, 16)}`);
        if (!existsSync(join(installDir, 'node_modules', '.package-lock.json'))) {
          rmSync(installDir, { recursive: true, force: true });
          mkdirSync(installDir, { recursive: true });
          for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(stage, file), join(installDir, file));
          const [command, ...args] = installStep!.split(' ');
          await run(command, [...args, '--prefer-offline'], installDir);
        }
        symlinkSync(join(installDir, 'node_modules'), join(stage, 'node_modules'), 'dir');
        expect(existsSync(join(stage, 'node_modules', 'vitest')), 'dev dependencies are not installed').toBe(false);
        expect(existsSync(join(stage, 'node_modules', '@google-cloud', 'functions-framework'))).toBe(true);

        const env = {
          AUTH_ISSUER: 'https://issuer.invalid',
          AUTH_AUDIENCE: 'deploy-source-test',
          AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
          // the relay forwards calls there; this test makes none
          FUNCTION_URL_TEMPLATE: 'http://127.0.0.1:9',
        };
        const answers: Record<string, Record<string, number>> = {};
        const pending = [...deployables];
        const worker = async () => {
          for (let d = pending.shift(); d; d = pending.shift()) {
            // a free port can be taken by another process before the child binds it: try another
            for (let attempt = 1; ; attempt++) {
              const port = await freePort();
              const argv =
                d.kind === 'cloudrun'
                  ? steps.cmd
                  : [
                      'node',
                      'node_modules/@google-cloud/functions-framework/build/src/main.js',
                      `--target=${d.name}`,
                      `--signature-type=${d.kind === 'http' ? 'http' : 'cloudevent'}`,
                      `--port=${port}`,
                    ];
              try {
                const child = await start(
                  stage,
                  argv,
                  { ...env, PORT: String(port), FUNCTION_TARGET: d.name, K_SERVICE: d.name },
                  d.kind === 'cloudrun' ? startedLine(d.name) : /Serving function/,
                );
                answers[d.name] = await health(d, port);
                child.kill('SIGTERM');
                break;
              } catch (error) {
                if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
              }
            }
          }
        };
        await Promise.all([worker(), worker(), worker()]);

        const expected = Object.fromEntries(
          deployables.map((d) => [
            d.name,
            d.kind === 'cloudevent'
              ? { 'POST / (CloudEvent)': expect.toSatisfy((s: number) => s >= 200 && s < 300) }
              : d.name === 'system' || d.kind === 'cloudrun'
                ? {
                    '/health/live': expect.toSatisfy((s: number) => s === 200 || s === 204),
                    '/health/ready': expect.toSatisfy((s: number) => s === 200 || s === 204),
                  }
                : { '/health/live': 204 },
          ]),
        );
        expect(answers).toEqual(expected);
      } finally {
        rmSync(stage, { recursive: true, force: true });
      }
    },
  );
});
