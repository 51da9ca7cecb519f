import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { log } from '../../../shared/log.js';
import { LOOPBACK } from './ports.js';
import { firestoreJar } from './sdk.js';
import { startJavaEmulator } from './java.js';
import { replaceDir, stagingDir } from './data-dir.js';
import type { RunningEmulator } from './types.js';

const EXPORT_NAME = 'export';

export interface FirestoreOptions {
  /** folder holding this emulator's saved state; absent: nothing is kept */
  dataDir?: string;
  /** the project whose documents are saved on stop */
  projectId: string;
}

/**
 * The Firestore emulator jar, run directly with java (faster than `gcloud emulators firestore`).
 * Persistence: on stop the project's documents are exported through the emulator's REST export
 * endpoint; on start the export seeds the emulator. A seed applies to every project id.
 */
export async function startFirestore(options: FirestoreOptions): Promise<RunningEmulator> {
  const started = Date.now();
  const jar = firestoreJar();
  const seed = options.dataDir ? join(options.dataDir, EXPORT_NAME, `${EXPORT_NAME}.overall_export_metadata`) : undefined;
  const seedArgs = seed && existsSync(seed) ? [`--seed_from_export=${seed}`] : [];
  const { child, port } = await startJavaEmulator('firestore', (port) => [
    '-cp',
    jar,
    'com.google.cloud.datastore.emulator.firestore.CloudFirestore',
    'start',
    `--host=${LOOPBACK}`,
    `--port=${port}`,
    ...seedArgs,
  ]);
  const host = `${LOOPBACK}:${port}`;
  log.info('emulator ready', { emulator: 'firestore', host, ms: Date.now() - started, seeded: seedArgs.length > 0 });

  return {
    host,
    stop: async () => {
      let saveError: unknown;
      if (options.dataDir && child.running) {
        saveError = await exportDocuments(host, options.projectId, options.dataDir).catch((error: unknown) => error);
      }
      await child.stop();
      if (saveError) throw new Error(`Firestore emulator data was not saved to ${options.dataDir}: ${String(saveError)}`);
    },
  };
}

async function exportDocuments(host: string, projectId: string, dataDir: string): Promise<undefined> {
  const staging = await stagingDir(dataDir);
  const response = await fetch(`http://${host}/emulator/v1/projects/${projectId}:export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      database: `projects/${projectId}/databases/(default)`,
      export_directory: staging,
      export_name: EXPORT_NAME,
    }),
  });
  if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  await replaceDir(staging, dataDir);
  return undefined;
}
