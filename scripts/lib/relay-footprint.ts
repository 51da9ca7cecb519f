/**
 * Run as a child process (`node --import tsx scripts/lib/relay-footprint.ts`): imports the relay
 * entry exactly as the Cloud Run service does and prints, as one JSON line, the files that import
 * loaded and the process's RSS after a garbage collection (with --expose-gc).
 */
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export interface RelayFootprint {
  /** loaded files, repository-relative for the project's own, `node_modules/<package>/...` for dependencies */
  files: string[];
  rssBytes: number;
}

const SENTINEL = 'data:text/javascript,export default "relay-footprint-end"';
const { port1, port2 } = new MessageChannel();
const urls = new Set<string>();
const done = new Promise<void>((resolve) =>
  port1.on('message', (url: string) => {
    if (url === SENTINEL) resolve();
    else urls.add(url);
  }),
);
register(pathToFileURL(join(repoRoot, 'scripts/lib/module-trace-hooks.mjs')), { data: { port: port2 }, transferList: [port2] });
await import(pathToFileURL(join(repoRoot, 'functions/relay/index.ts')).href);
await import(SENTINEL);
await done;
port1.close();
(globalThis as { gc?: () => void }).gc?.();
// CommonJS modules (most of the Google Cloud clients) are in the require cache, not seen by the ESM hook
for (const file of Object.keys(createRequire(import.meta.url).cache)) urls.add(pathToFileURL(file).href);
const root = pathToFileURL(repoRoot).href + '/';
const files = [...urls]
  .filter((u) => u.startsWith('file:'))
  .map((u) => (u.startsWith(root) ? u.slice(root.length) : u))
  .sort();
const footprint: RelayFootprint = { files, rssBytes: process.memoryUsage().rss };
process.stdout.write(JSON.stringify(footprint) + '\n');
