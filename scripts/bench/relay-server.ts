/**
 * Benchmark child: one WebSocket server in its own process (so its RSS and CPU are its own), driven
 * over IPC. `relay`: a relay instance (no Pub/Sub: events are handed to it as its subscription
 * would); `bare`: a plain `ws` server broadcasting in a loop.
 */
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { startRelay } from '../../functions/relay/index.js';
import type { EventMessage } from '../../shared/events/message.js';
import { benchFamily } from './relay-family.js';

export type ServerCommand = { cmd: 'emit'; event: EventMessage } | { cmd: 'rss' } | { cmd: 'stats' } | { cmd: 'stop' };
export type ServerReply =
  | { kind: 'ready'; port: number }
  | { kind: 'emitted'; t0: number; t1: number }
  | { kind: 'rss'; rss: number; heapUsed: number }
  | { kind: 'stats'; authenticated: number; sockets: number };

const now = () => performance.timeOrigin + performance.now();
const reply = (message: ServerReply) => process.send!(message);
const OK = { status: false, code: 0, message: '' };

function rss(): ServerReply {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { kind: 'rss', rss: usage.rss, heapUsed: usage.heapUsed };
}

async function relayServer(): Promise<{
  port: number;
  emit: (e: EventMessage) => void;
  stats: () => ServerReply;
  stop: () => Promise<void>;
}> {
  const relay = await startRelay({ port: 0, families: [benchFamily], subscribe: false });
  return {
    port: Number(new URL(relay.url).port),
    emit: (event) => relay.deliver(event),
    stats: () => ({ kind: 'stats', ...relay.stats() }),
    stop: () => relay.stop(),
  };
}

async function bareServer(): Promise<{
  port: number;
  emit: (e: EventMessage) => void;
  stats: () => ServerReply;
  stop: () => Promise<void>;
}> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  return {
    port: (wss.address() as AddressInfo).port,
    // the broadcast loop of the ws README, with the same frame the relay sends
    emit: (event) => {
      const data = JSON.stringify({
        type: 'event',
        endpoint: event.endpoint,
        channel: event.channel,
        position: event.position,
        data: event.data,
        error: OK,
      });
      for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(data, { binary: false });
    },
    stats: () => ({ kind: 'stats', authenticated: wss.clients.size, sockets: wss.clients.size }),
    stop: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

const server = process.argv[2] === 'bare' ? await bareServer() : await relayServer();
process.on('message', (message: ServerCommand) => {
  switch (message.cmd) {
    case 'emit': {
      const t0 = now();
      server.emit(message.event);
      reply({ kind: 'emitted', t0, t1: now() });
      return;
    }
    case 'rss':
      return reply(rss());
    case 'stats':
      return reply(server.stats());
    case 'stop':
      void server.stop().finally(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
reply({ kind: 'ready', port: server.port });
