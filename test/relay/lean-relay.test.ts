import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointFunctions } from '../../functions/relay/endpoints.generated.js';
import { families } from '../../functions/catalog.js';
import { endpointTable } from '../../shared/registry/routes.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { RELAY_ENDPOINTS_FILE, relayEndpointsSource } from '../../scripts/lib/relay-endpoints.js';
import type { RelayFootprint } from '../../scripts/lib/relay-footprint.js';

describe('the relay endpoint table', () => {
  it('is generated from the registry and up to date (run npm run relay:endpoints after changing a WebSocket binding)', () => {
    expect(readFileSync(join(repoRoot, RELAY_ENDPOINTS_FILE), 'utf8')).toBe(relayEndpointsSource());
    expect(new Map(Object.entries(endpointFunctions))).toEqual(endpointTable(families));
  });
});

describe('what the relay loads', () => {
  it('imports no family, no catalog and none of the media libraries', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/lib/relay-footprint.ts')], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'WARNING' },
      encoding: 'utf8',
    });
    const { files } = JSON.parse(out.trim().split('\n').at(-1)!) as RelayFootprint;
    expect(files).toContain('functions/relay/server.ts');
    expect(files.filter((f) => /^functions\/(?!relay\/)/.test(f))).toEqual([]);
    expect(files).not.toContain('functions/catalog.ts');
    expect(
      files.filter((f) =>
        /node_modules\/(sharp|pdfjs-dist|@napi-rs|@ffmpeg-installer|@ffprobe-installer|openai|music-metadata|file-type|htmlparser2)\//.test(
          f,
        ),
      ),
    ).toEqual([]);
  }, 60_000);
});
