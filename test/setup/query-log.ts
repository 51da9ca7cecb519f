import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from '../../shared/log.js';
import { coverage, declaredFields, declaredIndexes, recordedEntries } from '../infra/index-coverage.js';

/**
 * The run's Firestore query log: workers record the shape of every query the code runs into a
 * fresh folder; at teardown a query without the index production needs fails the run, and declared
 * indexes and TTL policies no recorded query or write uses are listed.
 */
export function startQueryLog(): { dir: string; check(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'firestore-queries-'));
  return {
    dir,
    async check() {
      try {
        const entries = recordedEntries(dir);
        if (entries.length === 0) return;
        const found = coverage(entries, declaredIndexes(), await declaredFields());
        const queries = entries.filter((e) => e.kind === 'query').length;
        if (found.unusedIndexes.length || found.unusedTtls.length) {
          log.warn('declared Firestore indexes or TTL policies no query of this run used', {
            queries,
            indexes: found.unusedIndexes,
            ttls: found.unusedTtls,
          });
        }
        const problems = [...found.missing, ...found.missingTtls];
        if (problems.length) {
          throw new Error(
            `Firestore queries or TTL fields without what production needs (add them to infra/firestore-indexes.json or infra/firestore.tf):\n${problems.join('\n')}`,
          );
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
