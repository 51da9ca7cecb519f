import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allEvents, allOperations } from '../../shared/registry/catalog.js';

/** Every operation and event name of the seed documents, extracted once into a fixture (names only). */
const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-endpoints.json', import.meta.url), 'utf8')) as {
  websocket: string[];
  websocketEvents: string[];
  http: Array<{ method: string; path: string; seed: string }>;
  jsonRpc: string[];
};

/**
 * What is not registered yet, named so the gap is visible. The test fails both when something
 * outside this list is missing and when something in it has been registered (shrink the list).
 */
const NOT_YET_REGISTERED = new Set<string>([
  'DELETE /ressource/{}',
]);

const normalize = (path: string) => path.replace(/\{[^}]+\}/g, '{}').replace(/\/$/, '');

function registered(): Set<string> {
  const keys = new Set<string>();
  for (const op of allOperations()) {
    if (op.bindings.websocket) keys.add(`ws ${op.bindings.websocket}`);
    if (op.bindings.jsonRpc) keys.add(`rpc ${op.bindings.jsonRpc}`);
    for (const b of op.bindings.http ?? []) keys.add(`${b.method} ${normalize(b.path)}`);
  }
  for (const ev of allEvents()) keys.add(`event ${ev.name}`);
  return keys;
}

function expected(): string[] {
  return [
    ...seed.websocket.map((n) => `ws ${n}`),
    ...seed.websocketEvents.map((n) => `event ${n}`),
    ...seed.jsonRpc.map((p) => `rpc ${p}`),
    ...seed.http.map((h) => `${h.method} ${normalize(h.path)}`),
  ];
}

describe('seed coverage', () => {
  it('registers every seed operation and event, except the ones listed as not yet registered', () => {
    const have = registered();
    const missing = expected().filter((key) => !have.has(key) && !NOT_YET_REGISTERED.has(key));
    expect(missing).toEqual([]);
  });

  it('keeps the not-yet-registered list honest', () => {
    const have = registered();
    expect([...NOT_YET_REGISTERED].filter((key) => have.has(key))).toEqual([]);
  });
});
