import type { HttpFunction, Request, Response } from '@google-cloud/functions-framework';
import FindMyWay from 'find-my-way';
import type { AnyOperation } from '../registry/types.js';
import { ApiError, toApiError } from '../errors/api-error.js';
import { answerPreflight, applyCorsHeaders } from '../http/cors.js';
import { sendError } from '../http/error-reply.js';
import { installFrameworkErrorHandling } from '../http/framework-errors.js';
import { registerRoutes, type RouteInfo } from '../http/route-registry.js';
import { hasMalformedEncoding, routablePath } from '../http/url-path.js';
import { log } from '../log.js';
import { handleJsonRpc, handleOps, handleRest } from './http-adapters.js';
import { requestIdFrom } from './invoke.js';

const OPS_PREFIX = '/ops/';
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

/** `/api/v0/resource/{id}` -> `/api/v0/resource/:id` */
export function toRouterPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

type Handler = (req: Request, res: Response, params: Record<string, string | undefined>) => Promise<void>;

interface Bound {
  handle: Handler;
  route: RouteInfo;
}

function restRoute(op: AnyOperation, method: string): RouteInfo {
  return {
    body: op.rest?.body ?? (method === 'GET' || method === 'DELETE' ? 'none' : 'json'),
    envelope: op.restStyle ?? 'resource',
  };
}

function opsEndpoint(path: string): string | undefined {
  return hasMalformedEncoding(path) ? undefined : decodeURIComponent(path.slice(OPS_PREFIX.length));
}

/**
 * One family's Cloud Function: its REST, JSON-RPC and `/ops/{endpoint}` bindings, all built from
 * the family's operation declarations, with CORS (preflights included) on every path.
 */
export function createFamilyHandler(operations: AnyOperation[]): HttpFunction {
  installFrameworkErrorHandling();
  const router = FindMyWay<FindMyWay.HTTPVersion.V1>({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });
  const byEndpoint = new Map<string, AnyOperation>();
  const bound: Bound[] = [];
  const requestHeaders = new Set<string>();

  // schemas compile on an operation's first call (a cold start pays for none; test/deploy/schemas-compile.test.ts compiles them all)
  for (const op of operations) {
    for (const header of Object.keys(op.rest?.headers ?? {})) requestHeaders.add(header);
    for (const binding of op.bindings.http ?? []) {
      const index =
        bound.push({ handle: (req, res, params) => handleRest(op, req, res, params), route: restRoute(op, binding.method) }) - 1;
      router.on(binding.method, toRouterPath(binding.path), () => index);
    }
    if (op.bindings.jsonRpc) {
      const index = bound.push({ handle: (req, res) => handleJsonRpc(op, req, res), route: { body: 'json', envelope: 'jsonRpc' } }) - 1;
      router.on('POST', op.bindings.jsonRpc, () => index);
    }
    if (op.bindings.websocket) {
      if (byEndpoint.has(op.bindings.websocket)) throw new Error(`duplicate WebSocket endpoint ${op.bindings.websocket}`);
      byEndpoint.set(op.bindings.websocket, op);
    }
  }

  const find = (method: string, path: string) => {
    const match = router.find(method as FindMyWay.HTTPMethod, path);
    return match ? { bound: bound[(match.handler as unknown as () => number)()], params: match.params } : undefined;
  };
  /** The envelope of the bindings at a path (any method), also for a malformed path. */
  const envelopeAt = (method: string, path: string): RouteInfo['envelope'] | undefined => {
    if (path.startsWith(OPS_PREFIX)) return 'ops';
    const routable = routablePath(path);
    return [method, ...METHODS].map((m) => find(m, routable)?.bound).find((b) => b !== undefined)?.route.envelope;
  };
  const methodsAt = (path: string): string[] => {
    if (path.startsWith(OPS_PREFIX)) {
      const endpoint = opsEndpoint(path);
      return endpoint !== undefined && byEndpoint.has(endpoint) ? ['POST'] : [];
    }
    return METHODS.filter((method) => find(method, path));
  };

  registerRoutes((method, path) => {
    if (method === 'OPTIONS') {
      const methods = methodsAt(path);
      if (methods.length === 0) return undefined;
      return { body: 'none', envelope: path.startsWith(OPS_PREFIX) ? 'ops' : (find(methods[0], path)?.bound.route.envelope ?? 'resource') };
    }
    if (path.startsWith(OPS_PREFIX)) {
      if (method !== 'POST') return undefined;
      const endpoint = opsEndpoint(path);
      return endpoint === undefined || byEndpoint.has(endpoint) ? { body: 'json', envelope: 'ops' } : undefined;
    }
    const route = find(method, path)?.bound.route;
    // a malformed path never reaches an operation; its answer still takes the family's envelope
    if (route || !hasMalformedEncoding(path)) return route;
    const envelope = envelopeAt(method, path);
    return envelope && { body: 'none', envelope };
  });

  return async (req, res) => {
    const path = req.path;
    try {
      applyCorsHeaders(req, res);
      if (req.method === 'OPTIONS') {
        const methods = methodsAt(path);
        if (methods.length > 0) return answerPreflight(req, res, { methods, headers: requestHeaders });
      } else if (req.method === 'POST' && path.startsWith(OPS_PREFIX)) {
        const endpoint = opsEndpoint(path);
        if (endpoint === undefined) throw new ApiError(400, 'malformed percent-encoding in the URL');
        const op = byEndpoint.get(endpoint);
        if (op) return await handleOps(op, req, res);
      } else {
        const match = find(req.method, path);
        if (match) return await match.bound.handle(req, res, match.params);
      }
      // every function answers its liveness on its own URL (system and the relay also check their dependencies)
      if (req.method === 'GET' && path === '/health/live') return void res.status(204).end();
      if (hasMalformedEncoding(path)) throw new ApiError(400, 'malformed percent-encoding in the URL');
      throw new ApiError(404, `no operation at ${req.method} ${path}`);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status >= 500) log.error('request failed', { err, path });
      sendError(req, res, envelopeAt(req.method, path) ?? 'resource', apiError, requestIdFrom(req.headers));
    }
  };
}
