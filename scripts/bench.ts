/** `npm run bench -- <name>`: benchmarks that print ratios against a baseline measured in the same run. */
import { benchApi } from './bench/api.js';
import { benchColdStart } from './bench/coldstart.js';
import { benchEvents } from './bench/events.js';
import { benchRelay } from './bench/relay.js';
import { benchThumbnails } from './bench/thumbnails.js';

const benches: Record<string, () => Promise<void>> = {
  thumbnails: benchThumbnails,
  relay: benchRelay,
  events: benchEvents,
  coldstart: () => benchColdStart(),
  api: () => benchApi(),
};

const name = process.argv[2];
if (!name || !benches[name]) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|') || 'name'}>\n`);
  process.exit(2);
}
await benches[name]();
