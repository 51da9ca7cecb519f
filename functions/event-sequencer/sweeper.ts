import { publishOutboxEntry, staleOutboxEntries, sweepAgeMs } from '../../shared/events/outbox.js';
import { log } from '../../shared/log.js';

/** Entries re-published per sweep. */
const SWEEP_LIMIT = 200;

export interface Sweeper {
  /** one sweep now; answers how many entries it re-published */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Re-publishes outbox entries that committed but were not published after EVENT_OUTBOX_SWEEP_SECONDS
 * (the function died after its commit, or Pub/Sub failed). Runs every half sweep age.
 */
export function startSweeper(): Sweeper {
  let running: Promise<number> | undefined;
  const sweep = async (): Promise<number> => {
    const entries = await staleOutboxEntries(SWEEP_LIMIT);
    let published = 0;
    for (const entry of entries) {
      try {
        await publishOutboxEntry(entry, { swept: true });
        published++;
      } catch (err) {
        log.warn('could not re-publish an outbox entry; next sweep', { err, entry: entry.id });
      }
    }
    if (published > 0) log.info('re-published committed events from the outbox', { entries: published });
    return published;
  };
  const once = () => (running ??= sweep().finally(() => (running = undefined)));
  const timer = setInterval(
    () => void once().catch((err: Error) => log.warn('outbox sweep failed', { err })),
    Math.max(250, sweepAgeMs() / 2),
  );
  timer.unref();
  return {
    sweep: once,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
