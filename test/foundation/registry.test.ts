import { describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { allEvents, allOperations, families } from '../../functions/catalog.js';
import { endpointTable, routesOf } from '../../shared/registry/routes.js';
import { compileSchemas } from '../../shared/validation/validator.js';

describe('operation registry', () => {
  it('gives every operation a request and a response schema that compile, and at least one binding', () => {
    for (const op of allOperations()) {
      expect(op.request, `${op.name} request schema`).toEqual(expect.objectContaining({ type: 'object' }));
      expect(op.response, `${op.name} response schema`).toBeTypeOf('object');
      expect(() => compileSchemas(op.request, op.response), op.name).not.toThrow();
      const b = op.bindings;
      expect((b.http?.length ?? 0) + (b.jsonRpc ? 1 : 0) + (b.websocket ? 1 : 0), `${op.name} bindings`).toBeGreaterThan(0);
      expect(op.permission, `${op.name} permission`).toBeTruthy();
    }
  });

  it('declares each name, WebSocket endpoint and HTTP route once', () => {
    const names = allOperations().map((op) => `${op.family}/${op.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(() => endpointTable(families)).not.toThrow();
    const routes = routesOf(families).map((r) => `${r.method} ${r.path}`);
    expect(new Set(routes).size).toBe(routes.length);
    const events = allEvents().map((e) => e.name);
    expect(new Set(events).size).toBe(events.length);
  });

  it('names its own family in every operation and event, and deploys every family as a function', () => {
    const deployed = new Set(deployables.filter((d) => d.kind === 'http').map((d) => d.name));
    for (const family of families) {
      expect(deployed.has(family.name), `family ${family.name} deployed`).toBe(true);
      for (const op of family.operations) expect(op.family).toBe(family.name);
      for (const ev of family.events) expect(ev.family).toBe(family.name);
    }
  });

  it("keeps path placeholders in the seeds' {param} form", () => {
    for (const route of routesOf(families)) expect(route.path).not.toMatch(/\/:/);
  });
});
