import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import type { EventMessage } from '../../shared/events/message.js';
import { log } from '../../shared/log.js';
import { startFanout, type Fanout } from './fanout.js';
import { Relay, type RelayStats } from './relay.js';
import { resolveSettings, type RelayOptions } from './settings.js';
import { clientAddress } from './upgrade.js';

export type { RelayOptions, RelayLimits } from './settings.js';
export type { RelayStats } from './relay.js';

export interface RunningRelay {
  /** http://host:port; sockets connect to `ws://host:port/ws` */
  url: string;
  /** this instance's Pub/Sub subscription, when it subscribed */
  subscription?: string;
  stats(): RelayStats;
  /** Hands an event to the local sockets exactly as the subscription does. */
  deliver(event: EventMessage): void;
  /** Drains: refuses new sockets and calls, lets calls in flight finish, closes sockets with 1012, deletes the subscription. */
  stop(): Promise<void>;
}

export const WS_PATH = '/ws';

function refuseUpgrade(socket: Socket, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Starts one relay instance: its HTTP server (upgrades on /ws, health on /health/*), its subscription, its heartbeat. */
export async function startRelay(options: RelayOptions = {}): Promise<RunningRelay> {
  const settings = resolveSettings(options);
  const { limits } = settings;
  const relay = new Relay(settings);
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes, clientTracking: false, perMessageDeflate: false });
  let ready = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health/live') return void res.writeHead(204).end();
    if (path === '/health/ready') return void res.writeHead(ready && !relay.draining ? 204 : 503).end();
    res.writeHead(path === WS_PATH ? 426 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: {
          status: true,
          code: path === WS_PATH ? 426 : 404,
          message: path === WS_PATH ? 'WebSocket upgrade required' : `nothing at ${path}`,
        },
      }),
    );
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if ((req.url ?? '/').split('?')[0] !== WS_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (relay.draining) return refuseUpgrade(socket, '503 Service Unavailable');
    const address = clientAddress(req, limits.trustedProxies);
    const refusal = relay.unauthenticated.refusal(address);
    if (refusal) {
      log.warn('refusing a socket: too many unauthenticated sockets', { address, reason: refusal });
      return refuseUpgrade(socket, '429 Too Many Requests');
    }
    wss.handleUpgrade(req, socket, head, (ws) => relay.accept(ws, req, address));
  });

  let fanout: Fanout | undefined;
  if (settings.subscribe) fanout = await startFanout(settings.instanceId, (event) => relay.hub.receive(event));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const heartbeat = setInterval(() => relay.sweep(), limits.heartbeatMs);
  heartbeat.unref();
  ready = true;
  const { port } = server.address() as AddressInfo;
  const host = settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host;
  log.info('relay started', {
    port,
    instance: settings.instanceId,
    subscription: fanout?.subscription,
    endpoints: settings.endpoints.size,
  });

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await relay.drain(limits.drainTimeoutMs);
    clearInterval(heartbeat);
    server.closeAllConnections();
    await Promise.all([fanout?.stop(), closed, new Promise<void>((resolve) => wss.close(() => resolve()))]);
    log.info('relay stopped', { instance: settings.instanceId });
  };
  return {
    url: `http://${host}:${port}`,
    subscription: fanout?.subscription,
    stats: () => relay.stats(),
    deliver: (event) => relay.hub.receive(event),
    stop: () => (stopping ??= stop()),
  };
}
