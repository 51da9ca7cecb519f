import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allEvents, allOperations } from '../../functions/catalog.js';

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
const NOT_YET_REGISTERED = new Set<string>([]);

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

  it('binds every seed 004 operation and edge in the ressources family, and marks its additions as extensions', () => {
    const seed004 = seed.http.filter((h) => h.seed === '004').map((h) => `${h.method} ${normalize(h.path)}`);
    expect(seed004).toEqual(
      expect.arrayContaining([
        'POST /user/ressources',
        'GET /workspace/ressources',
        'GET /environment/ressources',
        'GET /ressource/{}/photos',
        'GET /ressource/{}/feed',
      ]),
    );
    const ressources = allOperations().filter((op) => op.family === 'ressources');
    const keyOf = (op: (typeof ressources)[number]) => (op.bindings.http ?? []).map((b) => `${b.method} ${normalize(b.path)}`);
    const bound = new Set(ressources.flatMap(keyOf));
    expect(seed004.filter((key) => !bound.has(key))).toEqual([]);
    const unmarked = ressources
      .filter((op) => keyOf(op).some((key) => !seed004.includes(key)) !== (op.extension === true))
      .map((op) => op.name);
    expect(unmarked).toEqual([]);
    expect(ressources.filter((op) => op.extension).map((op) => op.name)).toEqual(['ressource.attachPhoto', 'ressource.readPhoto']);
  });

  it("marks every operation and event outside the seeds as an extension, and none of the seeds' own", () => {
    const seedKeys = new Set(expected());
    const keysOf = (op: ReturnType<typeof allOperations>[number]) => [
      ...(op.bindings.websocket ? [`ws ${op.bindings.websocket}`] : []),
      ...(op.bindings.jsonRpc ? [`rpc ${op.bindings.jsonRpc}`] : []),
      ...(op.bindings.http ?? []).map((b) => `${b.method} ${normalize(b.path)}`),
    ];
    const wrongOps = allOperations().filter((op) => keysOf(op).some((key) => !seedKeys.has(key)) !== (op.extension === true));
    expect(wrongOps.map((op) => `${op.name}: extension ${op.extension === true}`)).toEqual([]);
    const wrongEvents = allEvents().filter((ev) => !seedKeys.has(`event ${ev.name}`) !== (ev.extension === true));
    expect(wrongEvents.map((ev) => `${ev.name}: extension ${ev.extension === true}`)).toEqual([]);
  });

  it('keeps the not-yet-registered list honest', () => {
    const have = registered();
    expect([...NOT_YET_REGISTERED].filter((key) => have.has(key))).toEqual([]);
  });
});
