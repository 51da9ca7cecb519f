import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import FindMyWay from 'find-my-way';
import type { Route } from '../../shared/registry/routes.js';
import { toRouterPath } from '../../shared/transport/family-handler.js';
import { log } from '../../shared/log.js';

export interface GatewayOptions {
  routes: Route[];
  /** WebSocket endpoint -> function, for `/ops/{endpoint}` */
  endpoints: Map<string, string>;
  /** function name -> base URL (http://127.0.0.1:PORT) */
  targets: Map<string, string>;
  /** base URL of the relay, which takes `/ws` */
  relayUrl?: string;
}

const OPS_PREFIX = '/ops/';

function notFound(res: ServerResponse, message: string) {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { status: true, code: 404, message } }));
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

  const targetOf = (req: IncomingMessage): string | undefined => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith(OPS_PREFIX)) return options.endpoints.get(decodeURIComponent(path.slice(OPS_PREFIX.length)));
    const match = router.find(req.method as FindMyWay.HTTPMethod, path);
    return match ? (match.handler as unknown as () => string)() : undefined;
  };

  const server = createServer((req, res) => {
    const fn = targetOf(req);
    const base = fn ? options.targets.get(fn) : undefined;
    if (!base) return notFound(res, `no operation at ${req.method} ${req.url?.split('?')[0]}`);
    const target = new URL(req.url ?? '/', base);
    const upstream = request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host, 'x-forwarded-host': req.headers.host ?? '' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      log.error('gateway upstream failed', { err, function: fn });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { status: true, code: 502, message: `function ${fn} unreachable` } }));
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
