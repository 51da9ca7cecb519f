import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { log } from '../../../shared/log.js';
import { EmulatorChild } from './child.js';
import { replaceDir, stagingDir } from './data-dir.js';
import { LOOPBACK } from './ports.js';
import type { RunningEmulator } from './types.js';

const READY_TIMEOUT_MS = 30_000;
const SERVER_SCRIPT = fileURLToPath(new URL('./storage-server.ts', import.meta.url));

export interface StorageOptions {
  /** folder holding the saved buckets and objects; absent: nothing is kept */
  dataDir?: string;
  projectId: string;
}

/**
 * The Cloud Storage emulator of firebase-tools (GCS JSON API only), in a child node process.
 * Its working blobs live in a private temp folder removed on stop; with a data dir every bucket is
 * exported there on stop and imported on start.
 */
export async function startStorage(options: StorageOptions): Promise<RunningEmulator> {
  const started = Date.now();
  requireStorageEmulator();
  const workDir = await mkdtemp(join(tmpdir(), 'storage-emulator-'));
  const importArgs = options.dataDir && existsSync(join(options.dataDir, 'buckets.json')) ? [`--import=${options.dataDir}`] : [];
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: workDir };
  // firebase-tools only reports usage when run as its CLI: make sure it never thinks so
  delete env.IS_FIREBASE_CLI;
  delete env.IS_FIREBASE_MCP;
  const child = new EmulatorChild({
    name: 'storage',
    command: process.execPath,
    args: ['--import', tsxLoader(), SERVER_SCRIPT, `--project=${options.projectId}`, ...importArgs],
    env,
    ipc: true,
  });
  const cleanUp = async () => {
    await child.stop();
    await rm(workDir, { recursive: true, force: true });
  };

  let port: number;
  try {
    port = await readyPort(child);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const host = `http://${LOOPBACK}:${port}`;
  log.info('emulator ready', { emulator: 'storage', host, ms: Date.now() - started, imported: importArgs.length > 0 });

  return {
    host,
    stop: async () => {
      let saveError: unknown;
      if (options.dataDir && child.running) {
        saveError = await exportBuckets(host, options.dataDir).catch((error: unknown) => error);
      }
      await cleanUp();
      if (saveError) throw new Error(`Storage emulator data was not saved to ${options.dataDir}: ${String(saveError)}`);
    },
  };
}

function readyPort(child: EmulatorChild): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(child.failure(`not ready after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    child.process.once('message', (message: { port?: number }) => {
      clearTimeout(timer);
      if (typeof message.port === 'number') resolve(message.port);
      else reject(child.failure(`unexpected ready message ${JSON.stringify(message)}`));
    });
    void child.exited
      .then(() => Promise.race([child.outputClosed, new Promise((resolve) => setTimeout(resolve, 500))]))
      .then(() => {
        clearTimeout(timer);
        reject(child.failure('exited before it was ready'));
      });
  });
}

async function exportBuckets(host: string, dataDir: string): Promise<undefined> {
  const staging = await stagingDir(dataDir);
  const response = await fetch(`${host}/internal/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: staging, initiatedBy: 'stop' }),
  });
  if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  await replaceDir(staging, dataDir);
  return undefined;
}

const require = createRequire(import.meta.url);

export function requireStorageEmulator(): void {
  try {
    require.resolve('firebase-tools/lib/emulator/storage/server');
  } catch {
    throw new Error(
      'Storage emulator not found: firebase-tools is missing from node_modules; run `npm ci` (it is a pinned devDependency).',
    );
  }
}

/** The tsx loader as a file URL, so the child runs our TypeScript whatever its working directory. */
function tsxLoader(): string {
  return pathToFileURL(require.resolve('tsx')).href;
}
