import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { env } from '../../../shared/config.js';
import { log } from '../../../shared/log.js';
import { startFirestore } from './firestore.js';
import { startPubsub } from './pubsub.js';
import { firestoreJar, javaExecutable, pubsubJar } from './sdk.js';
import { requireStorageEmulator, startStorage } from './storage.js';
import type { RunningEmulator } from './types.js';

export interface EmulatorOptions {
  /** folder whose contents survive stop/start; absent: every start is empty */
  dataDir?: string;
  /** wipe `dataDir` before starting */
  fresh?: boolean;
  /** project whose Firestore documents and Pub/Sub topics are saved (default GOOGLE_CLOUD_PROJECT) */
  projectId?: string;
}

export interface RunningEmulators {
  /** host:port, the value of FIRESTORE_EMULATOR_HOST */
  firestoreHost: string;
  /** host:port, the value of PUBSUB_EMULATOR_HOST */
  pubsubHost: string;
  /** http://host:port, the value of STORAGE_EMULATOR_HOST */
  storageHost: string;
  /** saves state to the data dir (if any) and ends the three emulator processes */
  stop(): Promise<void>;
}

/** Starts the Firestore, Pub/Sub and Cloud Storage emulators in parallel, each in its own child process on loopback. */
export async function startEmulators(options: EmulatorOptions = {}): Promise<RunningEmulators> {
  const started = Date.now();
  checkPrerequisites();
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const projectId = options.projectId ?? env('GOOGLE_CLOUD_PROJECT') ?? 'demo-local';
  if (dataDir) {
    if (options.fresh) await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
  }
  const sub = (name: string) => (dataDir ? join(dataDir, name) : undefined);

  const outcomes = await Promise.allSettled([
    startFirestore({ dataDir: sub('firestore'), projectId }),
    startPubsub({ dataDir: sub('pubsub'), projectId }),
    startStorage({ dataDir: sub('storage'), projectId }),
  ]);
  const running = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  if (failures.length) {
    await stopAll(running).catch(() => undefined);
    throw new Error(failures.map((failure) => (failure instanceof Error ? failure.message : String(failure))).join('\n\n'));
  }
  const [firestore, pubsub, storage] = running;
  log.info('emulators ready', { ms: Date.now() - started, dataDir: dataDir ?? null });
  return {
    firestoreHost: firestore.host,
    pubsubHost: pubsub.host,
    storageHost: storage.host,
    stop: () => stopAll(running),
  };
}

/** Everything missing, said at once and before anything starts. */
function checkPrerequisites() {
  const problems: string[] = [];
  for (const check of [javaExecutable, firestoreJar, pubsubJar, requireStorageEmulator]) {
    try {
      check();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

async function stopAll(emulators: RunningEmulator[]): Promise<void> {
  const outcomes = await Promise.allSettled(emulators.map((emulator) => emulator.stop()));
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  if (failures.length) throw new Error(failures.map(String).join('\n'));
}

export { resetFirestore, clearBucket } from './reset.js';
