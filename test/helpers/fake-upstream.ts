/**
 * Small HTTP servers on 127.0.0.1 standing in for third-party APIs (OpenAI, OMDb, Pinterest,
 * Pixabay, Google Drive, arbitrary web pages) in tests, recording every request they receive.
 */
import dc from 'node:diagnostics_channel';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The incoming request with its body already read. */
export type FakeRequest = IncomingMessage & { body: Buffer };
/** May return anything (e.g. `res.end(...)`); a returned promise is awaited and a rejection answers 500. */
export type FakeHandler = (req: FakeRequest, res: ServerResponse) => unknown;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FakeUpstream {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, the form OUTBOUND_ALLOWED_HOSTS takes. */
  host: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeUpstream(handler: FakeHandler): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      Promise.resolve()
        .then(() => handler(Object.assign(req, { body }), res))
        .catch((err: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`fake upstream handler failed: ${String(err)}`);
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * A handler dispatching on `'METHOD /path'` (query ignored); a key ending in `*` matches a path prefix.
 * Unknown routes answer 404.
 */
export function routes(table: Record<string, FakeHandler>): FakeHandler {
  const entries = Object.entries(table).map(([key, handler]) => {
    const [method, pattern] = key.split(' ', 2);
    if (!method || !pattern) throw new Error(`route key must be 'METHOD /path', got '${key}'`);
    return { method: method.toUpperCase(), pattern, handler };
  });
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const match = entries.find(
      (e) => e.method === req.method && (e.pattern.endsWith('*') ? path.startsWith(e.pattern.slice(0, -1)) : path === e.pattern),
    );
    if (match) return match.handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end(`no fake route for ${req.method} ${path}`);
  };
}

export interface ConnectionWatch {
  /** Every TCP connection attempt made by this process since the watch started. */
  attempts: Array<{ address: string; port: number }>;
  stop(): void;
}

/** Records outgoing TCP connection attempts, to prove a test only ever connected where it meant to. */
export function watchConnectionAttempts(): ConnectionWatch {
  const attempts: ConnectionWatch['attempts'] = [];
  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    socket.on('connectionAttempt', (address: string, port: number) => attempts.push({ address, port }));
  };
  dc.subscribe('net.client.socket', onSocket);
  return { attempts, stop: () => dc.unsubscribe('net.client.socket', onSocket) };
}
