import { log as defaultLog, type Logger } from '../log.js';
import type { OutboxEntry } from './message.js';
import { publishCommitted } from './outbox.js';

/** Intake publishes started by `handOff` and not settled yet. */
const inFlight = new Set<Promise<void>>();

/**
 * Publishes committed outbox entries without making the caller wait: the change and its events are
 * already stored together, so the answer need not wait for the Pub/Sub round trip (10-30 ms in
 * production). A publish that never happens (the process is stopped or throttled first, Pub/Sub
 * fails) leaves its entry to the outbox sweeper: late, never lost.
 */
export function handOff(entries: OutboxEntry[], logger: Logger = defaultLog): void {
  if (entries.length === 0) return;
  const publishing = publishCommitted(entries, logger);
  inFlight.add(publishing);
  void publishing.finally(() => inFlight.delete(publishing));
}

/** Waits for the handed-off publishes (a graceful shutdown, a test that closes its clients). */
export async function handedOffSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.all(inFlight);
}
