/** `npm run client:types`: writes the typed client's generated files from the registry. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderClientFiles } from './lib/client-types.js';
import { repoRoot } from './lib/paths.js';

for (const { file, content } of await renderClientFiles()) {
  await writeFile(join(repoRoot, file), content);
  process.stdout.write(`wrote ${file}\n`);
}
