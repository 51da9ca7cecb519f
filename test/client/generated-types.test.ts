import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderClientFiles } from '../../scripts/lib/client-types.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { HttpClient, RealtimeClient } from '../../shared/client/index.js';
import { httpOperations } from '../../shared/client/operations.generated.js';
import { families } from '../../functions/catalog.js';
import { relayEndpoints } from '../../shared/events/relay-protocol.js';

describe("the client's generated files", () => {
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

  it('give every HTTP and JSON-RPC operation a method of HttpClient, and every WebSocket endpoint but auth one of RealtimeClient', () => {
    const methodAt = (client: object, path: string[]) =>
      path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], client);
    const http = new HttpClient({ baseUrl: 'http://127.0.0.1:1' });
    for (const name of Object.keys(httpOperations)) expect(typeof methodAt(http, name.split('.')), name).toBe('function');
    const realtime = new RealtimeClient({ url: 'ws://127.0.0.1:1/ws', token: 'x', reconnect: false });
    const ops = families.flatMap((f) => f.operations).flatMap((op) => (op.bindings.websocket ? [op.bindings.websocket] : []));
    const endpoints = [...ops, ...relayEndpoints.map((e) => e.endpoint).filter((e) => e !== 'auth')];
    for (const endpoint of endpoints) expect(typeof methodAt(realtime, endpoint.split(':')), endpoint).toBe('function');
    expect(methodAt(realtime, ['auth'])).toBeUndefined();
  });
});
