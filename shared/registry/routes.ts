import type { Family } from './family.js';
import type { HttpMethod } from './types.js';

/** One row of the routing table shared by the local gateway and the production load balancer. */
export interface Route {
  method: HttpMethod;
  /** `{param}` placeholders as in the seeds */
  path: string;
  function: string;
}

export const RELAY_FUNCTION = 'relay';

/** The gateway/load-balancer routing table, derived from the registry. */
export function routesOf(families: Family[]): Route[] {
  const routes: Route[] = [];
  for (const family of families) {
    for (const op of family.operations) {
      for (const b of op.bindings.http ?? []) routes.push({ method: b.method, path: b.path, function: family.name });
      if (op.bindings.jsonRpc) routes.push({ method: 'POST', path: op.bindings.jsonRpc, function: family.name });
    }
  }
  return routes;
}

/** WebSocket endpoint -> owning function, for the relay's forwards to `/ops/{endpoint}`. */
export function endpointTable(families: Family[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const family of families) {
    for (const op of family.operations) {
      if (!op.bindings.websocket) continue;
      const owner = table.get(op.bindings.websocket);
      if (owner) throw new Error(`WebSocket endpoint ${op.bindings.websocket} is declared by ${owner} and ${family.name}`);
      table.set(op.bindings.websocket, family.name);
    }
  }
  return table;
}
