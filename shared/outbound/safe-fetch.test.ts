import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  routes,
  startFakeUpstream,
  watchConnectionAttempts,
  type FakeUpstream,
  type ConnectionWatch,
} from '../../test/helpers/fake-upstream.js';
import { OutboundError } from './errors.js';
import { safeFetch, safeFetchStream } from './safe-fetch.js';

const servers: FakeUpstream[] = [];
let watch: ConnectionWatch;

async function fake(handler: Parameters<typeof startFakeUpstream>[0]): Promise<FakeUpstream> {
  const server = await startFakeUpstream(handler);
  servers.push(server);
  return server;
}

function allow(...hosts: string[]): void {
  process.env.OUTBOUND_ALLOWED_HOSTS = hosts.join(',');
}

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OutboundError);
  return err as OutboundError;
}

/** Every connection this test attempted went to one of these servers. */
function expectOnlyConnectionsTo(...allowed: FakeUpstream[]): void {
  for (const attempt of watch.attempts) {
    expect(attempt.address).toBe('127.0.0.1');
    expect(allowed.map((s) => s.port)).toContain(attempt.port);
  }
}

beforeEach(() => {
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
  watch = watchConnectionAttempts();
});

afterEach(async () => {
  watch.stop();
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('safeFetch to an allow-listed server', () => {
  it('returns status, headers, final URL and body, and sends method, headers and body', async () => {
    const upstream = await fake(
      routes({
        'POST /echo': (req, res) => {
          res.writeHead(201, { 'content-type': 'application/json', 'x-seen': String(req.headers['x-token']) });
          res.end(JSON.stringify({ got: req.body.toString() }));
        },
      }),
    );
    allow(upstream.host);
    const answer = await safeFetch(`${upstream.url}/echo?q=1`, {
      method: 'post',
      headers: { 'X-Token': 'abc' },
      body: 'hello',
      purpose: 'test',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers['x-seen']).toBe('abc');
    expect(answer.url).toBe(`${upstream.url}/echo?q=1`);
    expect(JSON.parse(answer.body.toString())).toEqual({ got: 'hello' });
    expect(upstream.requests).toEqual([expect.objectContaining({ method: 'POST', url: '/echo?q=1' })]);
    expect(upstream.requests[0].headers.host).toBe(upstream.host);
    expectOnlyConnectionsTo(upstream);
  });

  it('unknown fake routes answer 404, returned as a response unless throwOnHttpError', async () => {
    const upstream = await fake(routes({}));
    allow(upstream.host);
    expect((await safeFetch(`${upstream.url}/nothing`)).status).toBe(404);
    const err = await failure(safeFetch(`${upstream.url}/nothing`, { throwOnHttpError: true }));
    expect(err.kind).toBe('http-error');
    expect(err.status).toBe(404);
  });

  it('decompresses gzip bodies', async () => {
    const text = 'compressible '.repeat(1000);
    const upstream = await fake((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
      res.end(gzipSync(text));
    });
    allow(upstream.host);
    const answer = await safeFetch(upstream.url);
    expect(answer.body.toString()).toBe(text);
    expect(answer.headers['content-encoding']).toBeUndefined();
  });

  it('reaches a host name that resolves to loopback when that name is allow-listed', async () => {
    const upstream = await fake((_req, res) => res.end('via name'));
    allow(`localhost:${upstream.port}`);
    const answer = await safeFetch(`http://localhost:${upstream.port}/`);
    expect(answer.body.toString()).toBe('via name');
    expect(upstream.requests[0].headers.host).toBe(`localhost:${upstream.port}`);
  });

  it('allows only the listed port when the entry has one', async () => {
    const listed = await fake((_req, res) => res.end('ok'));
    const other = await fake((_req, res) => res.end('ok'));
    allow(listed.host);
    expect((await safeFetch(listed.url)).status).toBe(200);
    expect((await failure(safeFetch(other.url))).kind).toBe('forbidden-address');
    expect(other.requests).toHaveLength(0);
    allow('127.0.0.1');
    expect((await safeFetch(other.url)).status).toBe(200);
  });
});

describe('size cap', () => {
  it('refuses an announced length over the cap without reading it', async () => {
    const upstream = await fake((_req, res) => {
      res.writeHead(200, { 'content-length': '5000' });
      res.end(Buffer.alloc(5000));
    });
    allow(upstream.host);
    expect((await failure(safeFetch(upstream.url, { maxBytes: 4999 }))).kind).toBe('too-large');
    expect((await safeFetch(upstream.url, { maxBytes: 5000 })).body).toHaveLength(5000);
  });

  it('aborts an unannounced body once it passes the cap, so the server cannot finish sending', async () => {
    const total = 64 * 1024 * 1024;
    let written = 0;
    let closedEarly: Promise<boolean> = Promise.resolve(false);
    const upstream = await fake((_req, res) => {
      closedEarly = new Promise((resolve) => {
        res.on('close', () => resolve(!res.writableFinished));
      });
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (written < total && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      pump();
    });
    allow(upstream.host);
    const err = await failure(safeFetch(upstream.url, { maxBytes: 1024 * 1024 }));
    expect(err.kind).toBe('too-large');
    expect(await closedEarly).toBe(true);
    expect(written).toBeLessThan(total);
  });

  it('counts decompressed bytes (a small gzip of a large body is refused)', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    const upstream = await fake((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    allow(upstream.host);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await failure(safeFetch(upstream.url, { maxBytes: 1024 * 1024 }))).kind).toBe('too-large');
  });

  it('enforces the cap while a streamed body is read', async () => {
    const upstream = await fake((_req, res) => {
      res.write(Buffer.alloc(3000));
      res.end(Buffer.alloc(3000));
    });
    allow(upstream.host);
    const answer = await safeFetchStream(upstream.url, { maxBytes: 4000 });
    let received = 0;
    const reading = (async () => {
      for await (const chunk of answer.body) received += (chunk as Buffer).length;
    })();
    expect((await failure(reading)).kind).toBe('too-large');
    expect(received).toBeLessThanOrEqual(4000);
  });

  it('uses OUTBOUND_MAX_BYTES when no cap is given', async () => {
    const upstream = await fake((_req, res) => res.end(Buffer.alloc(2048)));
    allow(upstream.host);
    process.env.OUTBOUND_MAX_BYTES = '1024';
    try {
      expect((await failure(safeFetch(upstream.url))).kind).toBe('too-large');
    } finally {
      delete process.env.OUTBOUND_MAX_BYTES;
    }
  });
});

describe('timeouts', () => {
  it('fails with kind timeout when no answer comes', async () => {
    const upstream = await fake(() => undefined);
    allow(upstream.host);
    expect((await failure(safeFetch(upstream.url, { timeoutMs: 200 }))).kind).toBe('timeout');
  });

  it('bounds a buffered call as a whole, but a streamed body only by its silences', async () => {
    const trickle = (_req: unknown, res: import('node:http').ServerResponse) => {
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write('x');
        if (++sent === 6) {
          clearInterval(timer);
          res.end();
        }
      }, 100);
    };
    const upstream = await fake(trickle);
    allow(upstream.host);
    expect((await failure(safeFetch(upstream.url, { timeoutMs: 350 }))).kind).toBe('timeout');

    const answer = await safeFetchStream(upstream.url, { timeoutMs: 350 });
    let text = '';
    for await (const chunk of answer.body) text += String(chunk);
    expect(text).toBe('xxxxxx');
  });

  it('fails a stalled stream with kind timeout', async () => {
    const upstream = await fake((_req, res) => res.write('partial'));
    allow(upstream.host);
    const answer = await safeFetchStream(upstream.url, { timeoutMs: 200 });
    const reading = (async () => {
      for await (const _chunk of answer.body) {
        // keep reading
      }
    })();
    expect((await failure(reading)).kind).toBe('timeout');
  });

  it('honours the caller abort signal', async () => {
    const upstream = await fake(() => undefined);
    allow(upstream.host);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(safeFetch(upstream.url, { signal: controller.signal, timeoutMs: 5000 })).rejects.toThrow('caller gave up');
  });
});

describe('redirects', () => {
  it('follows a chain across allowed servers and reports the final URL', async () => {
    const end = await fake(routes({ 'GET /end': (_req, res) => res.end('arrived') }));
    const start = await fake(
      routes({
        'GET /start': (_req, res) => {
          res.writeHead(302, { location: '/middle' });
          res.end();
        },
        'GET /middle': (_req, res) => {
          res.writeHead(301, { location: `${end.url}/end` });
          res.end();
        },
      }),
    );
    allow(start.host, end.host);
    const answer = await safeFetch(`${start.url}/start`);
    expect(answer.body.toString()).toBe('arrived');
    expect(answer.url).toBe(`${end.url}/end`);
    expect(answer.redirects).toBe(2);
  });

  // loopback aliases the allow list does not name; other forbidden hosts are refused by the same check (target.test.ts)
  it.each(['http://127.0.0.2/latest/meta-data/', 'http://127.10.0.1/', 'http://[::ffff:7f00:2]/', 'http://[::1]/computeMetadata/v1/'])(
    'refuses a redirect to %s before connecting to it',
    async (location) => {
      const upstream = await fake((_req, res) => {
        res.writeHead(302, { location });
        res.end();
      });
      allow(upstream.host);
      expect((await failure(safeFetch(upstream.url))).kind).toBe('forbidden-address');
      expect(upstream.requests).toHaveLength(1);
      expectOnlyConnectionsTo(upstream);
    },
  );

  it('refuses a redirect to a non-http scheme', async () => {
    const upstream = await fake((_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    });
    allow(upstream.host);
    expect((await failure(safeFetch(upstream.url))).kind).toBe('bad-url');
  });

  it('stops after maxRedirects', async () => {
    const upstream = await fake((req, res) => {
      res.writeHead(302, { location: `/hop${Number(/\d+/.exec(req.url ?? '')?.[0] ?? 0) + 1}` });
      res.end();
    });
    allow(upstream.host);
    expect((await failure(safeFetch(`${upstream.url}/hop0`, { maxRedirects: 3 }))).kind).toBe('too-many-redirects');
    expect(upstream.requests.map((r) => r.url)).toEqual(['/hop0', '/hop1', '/hop2', '/hop3']);
  });

  it('returns the redirect itself when followRedirects is false', async () => {
    const upstream = await fake((_req, res) => {
      res.writeHead(307, { location: 'http://127.0.0.2/' });
      res.end();
    });
    allow(upstream.host);
    const answer = await safeFetch(upstream.url, { followRedirects: false });
    expect(answer.status).toBe(307);
    expect(answer.headers.location).toBe('http://127.0.0.2/');
  });

  it('turns a POST into a GET without body on 303, and keeps method and body on 307', async () => {
    const upstream = await fake(
      routes({
        'POST /see-other': (_req, res) => {
          res.writeHead(303, { location: '/result' });
          res.end();
        },
        'POST /temporary': (_req, res) => {
          res.writeHead(307, { location: '/result' });
          res.end();
        },
        'GET /result': (_req, res) => res.end('get'),
        'POST /result': (req, res) => res.end(`post ${req.body.toString()}`),
      }),
    );
    allow(upstream.host);
    expect((await safeFetch(`${upstream.url}/see-other`, { method: 'POST', body: 'data' })).body.toString()).toBe('get');
    expect((await safeFetch(`${upstream.url}/temporary`, { method: 'POST', body: 'data' })).body.toString()).toBe('post data');
  });

  it('drops credentials when a redirect leaves the origin', async () => {
    const other = await fake((_req, res) => res.end('other'));
    const upstream = await fake(
      routes({
        'GET /same': (_req, res) => {
          res.writeHead(302, { location: '/landing' });
          res.end();
        },
        'GET /away': (_req, res) => {
          res.writeHead(302, { location: `${other.url}/landing` });
          res.end();
        },
        'GET /landing': (_req, res) => res.end('landing'),
      }),
    );
    allow(upstream.host, other.host);
    const headers = { authorization: 'Bearer secret', cookie: 'session=1' };
    await safeFetch(`${upstream.url}/same`, { headers });
    expect(upstream.requests[1].headers.authorization).toBe('Bearer secret');
    await safeFetch(`${upstream.url}/away`, { headers });
    expect(other.requests[0].headers.authorization).toBeUndefined();
    expect(other.requests[0].headers.cookie).toBeUndefined();
  });
});

describe('refused destinations (allow-list empty)', () => {
  let upstream: FakeUpstream;
  beforeEach(async () => {
    // A real server on 127.0.0.1: if a check let a spelling through, the request would succeed.
    upstream = await fake((_req, res) => res.end('should not be reached'));
  });

  it.each([
    (p: number) => `http://127.0.0.1:${p}/`,
    (p: number) => `http://2130706433:${p}/`,
    (p: number) => `http://0x7f000001:${p}/`,
    (p: number) => `http://0177.0.0.1:${p}/`,
    (p: number) => `http://127.1:${p}/`,
    (p: number) => `http://0x7f.0.0.1:${p}/`,
    (p: number) => `http://[::1]:${p}/`,
    (p: number) => `http://[::ffff:7f00:1]:${p}/`,
    (p: number) => `http://[::ffff:127.0.0.1]:${p}/`,
    (p: number) => `http://0.0.0.0:${p}/`,
    (p: number) => `http://0:${p}/`,
    (p: number) => `http://localhost:${p}/`,
    (p: number) => `http://LOCALHOST:${p}/`,
    (p: number) => `https://127.0.0.1:${p}/`,
  ])('refuses %s', async (spell) => {
    const url = spell(upstream.port);
    expect((await failure(safeFetch(url))).kind).toBe('forbidden-address');
    expect(upstream.requests).toHaveLength(0);
    expect(watch.attempts).toEqual([]);
  });

  // loopback aliases on a port nothing listens on; private, link-local, multicast and metadata hosts are refused by the same check (target.test.ts)
  it.each(['http://127.0.0.2/', 'http://127.255.255.254/', 'http://127.0.0.2:9/admin', 'http://[::ffff:127.0.0.2]/'])(
    'refuses %s without any connection attempt',
    async (url) => {
      expect((await failure(safeFetch(url))).kind).toBe('forbidden-address');
      expect(watch.attempts).toEqual([]);
    },
  );

  it.each([
    'file:///etc/passwd',
    'ftp://example.com/x',
    'data:text/plain,hi',
    'gopher://example.com/',
    'javascript:alert(1)',
    'http://user:pass@example.com/',
    'not a url',
    'http://',
  ])('refuses %s as a bad URL', async (url) => {
    expect((await failure(safeFetch(url))).kind).toBe('bad-url');
    expect(watch.attempts).toEqual([]);
  });
});
