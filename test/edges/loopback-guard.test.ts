import { get } from 'node:http';
import { connect, createServer, type AddressInfo, type LookupFunction, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetOffLoopbackAttempts, offLoopbackAttempts } from '../setup/loopback-only.js';

/** 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed, and refused before any packet here. */
const OUTSIDE = '192.0.2.1';

const failure = (socket: Socket) =>
  new Promise<NodeJS.ErrnoException>((resolve, reject) => {
    socket.once('error', resolve);
    socket.once('connect', () => reject(new Error('connected')));
  });

afterAll(() => forgetOffLoopbackAttempts());

describe('the test setup keeps traffic on loopback', () => {
  it('refuses a connection to a non-loopback IP, and records it', async () => {
    const error = await failure(connect(9, OUTSIDE));
    expect(error.code).toBe('EOFFLOOPBACK');
    expect(offLoopbackAttempts()).toContain(OUTSIDE);
  });

  it('refuses a host name whose lookup answers a non-loopback address, also through node:http', async () => {
    const lookup: LookupFunction = (_host, _options, callback) =>
      (callback as (err: null, addresses: { address: string; family: number }[]) => void)(null, [{ address: OUTSIDE, family: 4 }]);
    const error = await failure(connect({ host: 'upstream.test', port: 9, lookup }));
    expect(error.code).toBe('EOFFLOOPBACK');
    const viaHttp = await new Promise<NodeJS.ErrnoException>((resolve) => get(`http://${OUTSIDE}/`).once('error', resolve));
    expect(viaHttp.code).toBe('EOFFLOOPBACK');
  });

  it('lets loopback connections through, by address and by localhost', async () => {
    const server = createServer((socket) => socket.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    for (const host of ['127.0.0.1', 'localhost']) {
      const socket = connect(port, host);
      const data = await new Promise<string>((resolve, reject) => {
        socket.once('data', (chunk) => resolve(chunk.toString()));
        socket.once('error', reject);
      });
      expect(data).toBe('hello');
      socket.destroy();
    }
    server.close();
  });
});
