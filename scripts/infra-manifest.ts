/** Writes infra/generated/manifest.json from the registry and the deployables list. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { infraManifest } from './lib/infra-manifest.js';
import { repoRoot } from './lib/paths.js';

const file = join(repoRoot, 'infra', 'generated', 'manifest.json');
await writeFile(file, JSON.stringify(infraManifest(), null, 2) + '\n');
process.stdout.write(`wrote ${file}\n`);
