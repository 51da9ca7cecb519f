import { firestore, pubsub, bucket } from '../gcp/clients.js';
import { recordQuery } from '../gcp/query-shapes.js';
import { Collections } from '../data-layout.js';

export type DependencyName = 'database' | 'event_dispatcher' | 'storage_service';

export interface DependencyHealth {
  name: DependencyName;
  isHealthy: boolean;
  /** A fundamental dependency down makes the service not ready (500); others degrade it (429). */
  fundamental: boolean;
}

const TIMEOUT_MS = 5000;

async function probe(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Real round trips to Firestore, Pub/Sub and Cloud Storage, in parallel, each bounded in time. */
export async function checkDependencies(): Promise<DependencyHealth[]> {
  const [database, events, storage] = await Promise.all([
    probe(() => recordQuery(firestore().collection(Collections.health).limit(1)).get()),
    probe(() => pubsub().getTopics({ pageSize: 1, autoPaginate: false })),
    probe(() => bucket().getFiles({ maxResults: 1, autoPaginate: false })),
  ]);
  return [
    { name: 'database', isHealthy: database, fundamental: true },
    { name: 'event_dispatcher', isHealthy: events, fundamental: false },
    { name: 'storage_service', isHealthy: storage, fundamental: true },
  ];
}
