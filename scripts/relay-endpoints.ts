/** Writes functions/relay/endpoints.generated.ts from the registry (`npm run relay:endpoints`). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './lib/paths.js';
import { RELAY_ENDPOINTS_FILE, relayEndpointsSource } from './lib/relay-endpoints.js';

const file = join(repoRoot, RELAY_ENDPOINTS_FILE);
await writeFile(file, relayEndpointsSource());
process.stdout.write(`wrote ${file}\n`);
