import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import FindMyWay from 'find-my-way';
import type { Route } from '../../shared/registry/routes.js';
import { toRouterPath } from '../../shared/transport/family-handler.js';
import { log } from '../../shared/log.js';
import { applyCorsHeaders } from '../../shared/http/cors.js';
import { hasMalformedEncoding } from '../../shared/http/url-path.js';

export interface GatewayOptions {
  routes: Route[];
  /** WebSocket endpoint -> function, for `/ops/{endpoint}` */
  endpoints: Map<string, string>;
  /** function name -> base URL (http://127.0.0.1:PORT) */
  targets: Map<string, string>;
  /**
   * function name -> its server, when it runs in this process: the request is handed to it as is,
   * as the load balancer hands it to the function (no second HTTP leg, whose CPU a deployment
   * does not spend in the function).
   */
  local?: Map<string, Server>;
  /** base URL of the relay, which takes `/ws` */
  relayUrl?: string;
}

const OPS_PREFIX = '/ops/';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

function answerError(req: IncomingMessage, res: ServerResponse, code: number, message: string) {
  applyCorsHeaders(req, res);
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { status: true, code, message } }));
}

function opsEndpoint(path: string): string | undefined {
  return hasMalformedEncoding(path) ? undefined : decodeURIComponent(path.slice(OPS_PREFIX.length));
}

/**
 * One port routing every path to its function exactly as the production load balancer's URL map
 * does (both are derived from the same registry routes), and `/ws` to the relay.
 */
export function createGateway(options: GatewayOptions): Server {
  const router = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });
  for (const route of options.routes) {
    const fn = route.function;
    router.on(route.method, toRouterPath(route.path), () => fn);
  }

  const functionAt = (method: string, path: string): string | undefined => {
    // a malformed escape still routes (as a literal) to its function, which answers 400 in its family's envelope
    const match = router.find(method as FindMyWay.HTTPMethod, hasMalformedEncoding(path) ? path.replace(/%/g, '%25') : path);
    return match ? (match.handler as unknown as () => string)() : undefined;
  };
  // a preflight (OPTIONS) goes to the function serving any method of the path, which answers it
  const targetOf = (req: IncomingMessage, path: string, endpoint: string | undefined): string | undefined => {
    if (path.startsWith(OPS_PREFIX)) return endpoint === undefined ? undefined : options.endpoints.get(endpoint);
    if (req.method !== 'OPTIONS') return functionAt(req.method ?? 'GET', path);
    for (const method of METHODS) {
      const fn = functionAt(method, path);
      if (fn) return fn;
    }
    return undefined;
  };

  const server = createServer((req, res) => {
    req.on('error', () => res.destroy());
    const path = (req.url ?? '/').split('?')[0];
    const endpoint = path.startsWith(OPS_PREFIX) ? opsEndpoint(path) : undefined;
    if (path.startsWith(OPS_PREFIX) && endpoint === undefined) return answerError(req, res, 400, 'malformed percent-encoding in the URL');
    let fn: string | undefined;
    try {
      fn = targetOf(req, path, endpoint);
    } catch (err) {
      log.warn('gateway could not route a request', { err, method: req.method });
      return answerError(req, res, 400, 'malformed request URL');
    }
    const base = fn ? options.targets.get(fn) : undefined;
    if (!base && hasMalformedEncoding(path)) return answerError(req, res, 400, 'malformed percent-encoding in the URL');
    if (!base) return answerError(req, res, 404, `no operation at ${req.method} ${path}`);
    const target = new URL(base);
    const local = options.local?.get(fn!);
    if (local) {
      req.headers['x-forwarded-host'] = req.headers.host ?? '';
      req.headers.host = target.host;
      return void local.emit('request', req, res);
    }
    // the path is appended to the function's origin as is: `//host/...` must not name another host
    const upstream = request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: req.url ?? '/',
        method: req.method,
        headers: { ...req.headers, host: target.host, 'x-forwarded-host': req.headers.host ?? '' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('aborted', () => res.destroy());
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      // a function that answered early (413) and closed while the body was still coming
      if (res.headersSent) return void req.unpipe(upstream);
      log.error('gateway upstream failed', { err, function: fn });
      answerError(req, res, 502, `function ${fn} unreachable`);
    });
    req.pipe(upstream);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/ws' || !options.relayUrl) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const relay = new URL(options.relayUrl);
    const upstream = connect(Number(relay.port), relay.hostname, () => {
      const headers = Object.entries(req.headers)
        .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : v === undefined ? [] : [`${k}: ${v}`]))
        .join('\r\n');
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
      if (head.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', close);
    socket.on('error', close);
  });
  return server;
}
