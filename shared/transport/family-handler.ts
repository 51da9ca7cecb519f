import type { HttpFunction, Request, Response } from '@google-cloud/functions-framework';
import FindMyWay from 'find-my-way';
import type { AnyOperation } from '../registry/types.js';
import { restErrorBody } from './envelopes.js';
import { ApiError } from '../errors/api-error.js';
import { handleJsonRpc, handleOps, handleRest } from './http-adapters.js';
import { requestIdFrom } from './invoke.js';

const OPS_PREFIX = '/ops/';

/** `/api/v0/resource/{id}` -> `/api/v0/resource/:id` */
export function toRouterPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

type Handler = (req: Request, res: Response, params: Record<string, string | undefined>) => Promise<void>;

/**
 * One family's Cloud Function: its REST, JSON-RPC and `/ops/{endpoint}` bindings, all built from
 * the family's operation declarations.
 */
export function createFamilyHandler(operations: AnyOperation[]): HttpFunction {
  const router = FindMyWay<FindMyWay.HTTPVersion.V1>({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });
  const byEndpoint = new Map<string, AnyOperation>();
  const handlers: Handler[] = [];

  // schemas compile on an operation's first call (a cold start pays for none; test/deploy/schemas-compile.test.ts compiles them all)
  for (const op of operations) {
    for (const binding of op.bindings.http ?? []) {
      const index = handlers.push((req, res, params) => handleRest(op, req, res, params)) - 1;
      router.on(binding.method, toRouterPath(binding.path), () => index);
    }
    if (op.bindings.jsonRpc) {
      const index = handlers.push((req, res) => handleJsonRpc(op, req, res)) - 1;
      router.on('POST', op.bindings.jsonRpc, () => index);
    }
    if (op.bindings.websocket) {
      if (byEndpoint.has(op.bindings.websocket)) throw new Error(`duplicate WebSocket endpoint ${op.bindings.websocket}`);
      byEndpoint.set(op.bindings.websocket, op);
    }
  }

  return async (req, res) => {
    const path = req.path;
    if (req.method === 'POST' && path.startsWith(OPS_PREFIX)) {
      const op = byEndpoint.get(decodeURIComponent(path.slice(OPS_PREFIX.length)));
      if (op) return handleOps(op, req, res);
    } else {
      const match = router.find(req.method as FindMyWay.HTTPMethod, path);
      if (match) {
        const index = (match.handler as unknown as () => number)();
        return handlers[index](req, res, match.params);
      }
    }
    // every function answers its liveness on its own URL (system and the relay also check their dependencies)
    if (req.method === 'GET' && path === '/health/live') return void res.status(204).end();
    const error = new ApiError(404, `no operation at ${req.method} ${path}`);
    res.status(404).json(restErrorBody('resource', error, requestIdFrom(req.headers)));
  };
}
