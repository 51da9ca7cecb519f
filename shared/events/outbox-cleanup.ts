import type { DocumentReference } from '@google-cloud/firestore';
import { log } from '../log.js';

/** Firestore takes at most 500 writes per batch. */
const MAX_DELETES_PER_BATCH = 500;
/** Published entries wait this long to be deleted together. */
const FLUSH_DELAY_MS = 20;

const waiting: DocumentReference[] = [];
let timer: NodeJS.Timeout | undefined;

function flush(): void {
  timer = undefined;
  while (waiting.length > 0) {
    const client = waiting[0].firestore;
    const refs = waiting.filter((ref) => ref.firestore === client).slice(0, MAX_DELETES_PER_BATCH);
    for (const ref of refs) waiting.splice(waiting.indexOf(ref), 1);
    const batch = client.batch();
    for (const ref of refs) batch.delete(ref);
    // a delete that never happens only costs a re-publish by the sweeper, which the sequencer deduplicates
    batch.commit().catch((err: Error) => log.warn('could not delete published outbox entries', { err, entries: refs.length }));
  }
}

/**
 * Deletes published outbox entries in batches: one commit for every entry published within a few
 * milliseconds, instead of one per entry.
 */
export function deletePublishedEntry(ref: DocumentReference): void {
  waiting.push(ref);
  timer ??= setTimeout(flush, FLUSH_DELAY_MS);
}
