import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderClientFiles } from '../../scripts/lib/client-types.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { httpOperations } from '../../shared/client/operations.generated.js';
import { families } from '../../functions/catalog.js';

describe('the client\'s generated files', () => {
  it('match the registry: run `npm run client:types` after changing an operation or a schema', async () => {
    for (const { file, content } of await renderClientFiles()) {
      const committed = await readFile(join(repoRoot, file), 'utf8');
      expect(committed === content, `${file} is stale: run npm run client:types`).toBe(true);
    }
  }, 60_000);

  it('describe every HTTP and JSON-RPC operation', () => {
    const http = families.flatMap((f) => f.operations).filter((op) => op.bindings.http?.length || op.bindings.jsonRpc);
    expect(Object.keys(httpOperations).sort()).toEqual(http.map((op) => op.name).sort());
  });
});
