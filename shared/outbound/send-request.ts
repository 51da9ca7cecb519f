import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { OutboundError } from './errors.js';
import { redact, type OutboundTarget } from './target.js';

export interface HopRequest {
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  connectTimeoutMs: number;
  /** Aborting destroys the request; its reason is what the caller sees. */
  signal: AbortSignal;
}

// Pooled sockets are keyed by host:port, so a reused socket was connected to an address validated for that same host.
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/** One request, connected only to the target's validated addresses; resolves at response headers. */
export function sendRequest(target: OutboundTarget, hop: HopRequest): Promise<IncomingMessage> {
  const { url } = target;
  return new Promise((resolve, reject) => {
    if (hop.signal.aborted) return reject(hop.signal.reason);
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request({
      method: hop.method,
      hostname: target.hostname,
      port: target.port,
      path: `${url.pathname}${url.search}`,
      headers: { ...hop.headers, host: url.host },
      agent: agents[url.protocol as keyof typeof agents],
      lookup: pinnedLookup(target.addresses),
    });
    const onAbort = () => req.destroy(hop.signal.reason);
    hop.signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => hop.signal.removeEventListener('abort', onAbort);

    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => {
        req.destroy(
          new OutboundError('timeout', `connecting to ${url.host} took longer than ${hop.connectTimeoutMs} ms`, { url: redact(url) }),
        );
      }, hop.connectTimeoutMs);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    req.on('response', (res) => {
      settle();
      resolve(res);
    });
    req.on('error', (err) => {
      settle();
      if (hop.signal.aborted) reject(hop.signal.reason);
      else if (err instanceof OutboundError) reject(err);
      else
        reject(
          new OutboundError('network', `request to ${url.host} failed: ${(err as NodeJS.ErrnoException).code ?? err.message}`, {
            url: redact(url),
            cause: err,
          }),
        );
    });
    req.end(hop.body);
  });
}

/** A `lookup` for net.connect that answers only with addresses resolved and validated beforehand. */
export function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const candidates = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    const first = candidates[0];
    if (first === undefined) {
      const err: NodeJS.ErrnoException = Object.assign(new Error(`no validated address of family ${family} for ${hostname}`), {
        code: 'ENOTFOUND',
      });
      callback(err, '');
      return;
    }
    if (options.all) callback(null, candidates);
    else callback(null, first.address, first.family);
  };
}
