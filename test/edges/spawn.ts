import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/lib/paths.js';

const frameworkMain = join(createRequire(import.meta.url).resolve('@google-cloud/functions-framework'), '..', 'main.js');

export interface Spawned {
  child: ChildProcess;
  /** every line the process wrote, stdout and stderr */
  lines: string[];
  /** resolves with the first line matching, or rejects when the process exits first */
  line(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function start(args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    });
  }
  return {
    child,
    lines,
    exited,
    line: (pattern) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return Promise.race([
        new Promise<string>((resolve) => waiters.push({ pattern, resolve })),
        exited.then((code) => Promise.reject(new Error(`process exited (${code}) before printing ${pattern}:\n${lines.join('\n')}`))),
      ]);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A deployable started as Cloud Functions starts it: functions-framework loading the package entry with FUNCTION_TARGET. */
export function startFunctionProcess(target: string, port: number, env: NodeJS.ProcessEnv): Spawned {
  return start([frameworkMain, `--target=${target}`, '--source=functions/entry.ts', `--port=${port}`], { ...env, FUNCTION_TARGET: target });
}

/** The relay as its container runs it. */
export function startRelayProcess(env: NodeJS.ProcessEnv): Spawned {
  return start(['functions/relay/index.ts'], env);
}

/** The environment of a deployed process: no emulator, no token settings, only what is given. */
export function productionEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, METADATA_SERVER_DETECTION: 'none', GOOGLE_CLOUD_PROJECT: 'fail-closed-test', ...extra };
  for (const name of [
    'FIRESTORE_EMULATOR_HOST',
    'PUBSUB_EMULATOR_HOST',
    'STORAGE_EMULATOR_HOST',
    'AUTH_ISSUER',
    'AUTH_AUDIENCE',
    'AUTH_JWKS_URL',
  ]) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}
