import { generateKeyPairSync } from 'node:crypto';
import { Firestore } from '@google-cloud/firestore';
import { PubSub } from '@google-cloud/pubsub';
import { Storage, type Bucket } from '@google-cloud/storage';
import { env, projectId, requireEnv } from '../config.js';

/**
 * One client of each kind per process and project. The Google client libraries read the
 * `*_EMULATOR_HOST` variables themselves; the project id comes from configuration so tests can
 * give each test file its own project (isolated emulator state).
 */
/**
 * Against an emulator the gRPC clients still ask google-auth-library for the credentials' universe
 * domain, which probes the GCE metadata server (traffic off loopback). Naming the universe skips it.
 */
const offlineAuth = { universeDomain: 'googleapis.com' } as const;

const firestores = new Map<string, Firestore>();
const pubsubs = new Map<string, PubSub>();
const storages = new Map<string, Storage>();

export function firestore(): Firestore {
  const id = projectId();
  let client = firestores.get(id);
  if (!client) {
    client = new Firestore({
      projectId: id,
      ignoreUndefinedProperties: true,
      preferRest: false,
      ...(env('FIRESTORE_EMULATOR_HOST') ? offlineAuth : {}),
    });
    firestores.set(id, client);
  }
  return client;
}

export function pubsub(): PubSub {
  const id = projectId();
  let client = pubsubs.get(id);
  if (!client) {
    // emulatorMode keeps plaintext gRPC although offlineAuth names a universe
    client = env('PUBSUB_EMULATOR_HOST')
      ? new PubSub({ projectId: id, emulatorMode: true, ...offlineAuth })
      : new PubSub({ projectId: id });
    pubsubs.set(id, client);
  }
  return client;
}

export function storage(): Storage {
  const id = projectId();
  let client = storages.get(id);
  if (!client) {
    const emulator = env('STORAGE_EMULATOR_HOST');
    client = emulator
      ? new Storage({ projectId: id, apiEndpoint: emulator, credentials: emulatorCredentials() })
      : new Storage({ projectId: id });
    storages.set(id, client);
  }
  return client;
}

export function bucket(): Bucket {
  return storage().bucket(requireEnv('STORAGE_BUCKET'));
}

/**
 * The Storage client signs URLs locally; against the emulator it needs some service-account-shaped
 * key. This throwaway key is generated once per process and is worthless outside the emulator.
 */
let emulatorKey: { client_email: string; private_key: string } | undefined;
function emulatorCredentials() {
  if (!emulatorKey) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    emulatorKey = {
      client_email: 'emulator@local.iam.gserviceaccount.com',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  }
  return emulatorKey;
}

/** Close every client (tests and graceful shutdown). */
export async function closeClients(): Promise<void> {
  await Promise.all([...firestores.values()].map((c) => c.terminate()));
  await Promise.all([...pubsubs.values()].map((c) => c.close()));
  firestores.clear();
  pubsubs.clear();
  storages.clear();
}
