import type { AnyOperation, HttpBinding } from '../registry/types.js';

const pathParams = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** URL-safe characters only (Redocly's operation-operationId-url-safe): `resource:get` -> `resource.get`. */
export const safeId = (name: string) => name.replace(/[^A-Za-z0-9._~-]/g, '.');

/**
 * operationIds of an operation's bindings: the first REST binding carries the operation's own name,
 * further ones say how they differ (`resource.thumbnailWithoutSize`), a JSON-RPC binding beside
 * REST ones ends in `Rpc`. `taken` keeps them unique across the document.
 */
export function operationIds(op: AnyOperation, taken: Set<string>): { rest: string[]; rpc?: string } {
  const base = safeId(op.name);
  const bindings: HttpBinding[] = op.bindings.http ?? [];
  const first = bindings[0] ? pathParams(bindings[0].path) : [];
  const unique = (id: string) => {
    let candidate = id;
    for (let n = 2; taken.has(candidate); n++) candidate = `${id}${n}`;
    taken.add(candidate);
    return candidate;
  };
  const rest = bindings.map((binding, index) => {
    if (index === 0) return unique(base);
    const params = pathParams(binding.path);
    const added = params.filter((p) => !first.includes(p)).map(capital);
    const missing = first.filter((p) => !params.includes(p)).map(capital);
    const method = binding.method === bindings[0].method ? '' : capital(binding.method.toLowerCase());
    const suffix = `${method}${added.length ? `With${added.join('And')}` : ''}${missing.length ? `Without${missing.join('And')}` : ''}`;
    return unique(`${base}${suffix}`);
  });
  return { rest, rpc: op.bindings.jsonRpc ? unique(rest.length ? `${base}Rpc` : base) : undefined };
}
