import { isIP, Socket, type LookupFunction } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * Tests send traffic to loopback only. Every TCP connection this worker opens (http, https, gRPC,
 * WebSockets all go through net.Socket#connect) is checked against the address it would reach: an
 * IP literal directly, a host name by the addresses its lookup answers. A non-loopback address
 * fails the connection and is recorded; `offLoopbackAttempts` lets the setup fail the test file.
 */
const attempts: string[] = [];

export const offLoopbackAttempts = (): readonly string[] => attempts;

/** For the guard's own test, which makes such attempts on purpose. */
export function forgetOffLoopbackAttempts(): void {
  attempts.length = 0;
}

/** 127.0.0.0/8 and ::1, in any spelling (an IPv4-mapped IPv6 address is judged as its IPv4 address). */
const isLoopback = (address: string): boolean => ipaddr.isValid(address) && ipaddr.process(address).range() === 'loopback';

function refusal(target: string): Error {
  attempts.push(target);
  return Object.assign(new Error(`test traffic must stay on loopback: a connection to ${target} was refused`), { code: 'EOFFLOOPBACK' });
}

interface ConnectOptions {
  host?: string;
  port?: number | string;
  path?: string | null;
  lookup?: LookupFunction;
}

function guardedLookup(original: LookupFunction | undefined): LookupFunction {
  const lookup = original ?? (dnsLookup as unknown as LookupFunction);
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: 4 }]) as LookupAddress[];
      const outside = list.find((a) => !isLoopback(a.address));
      if (outside) return callback(refusal(`${hostname} (${outside.address})`), '', 0);
      if (options.all) return callback(null, list as unknown as string, 0);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

function optionsOf(args: unknown[]): ConnectOptions | undefined {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (first !== null && typeof first === 'object') return first as ConnectOptions;
  return undefined;
}

const connect = Socket.prototype.connect as (this: Socket, ...args: unknown[]) => Socket;
Socket.prototype.connect = function guardedConnect(this: Socket, ...args: unknown[]): Socket {
  let options = optionsOf(args);
  if (!options) {
    // connect(path[, cb]) or connect(port[, host][, cb])
    if (typeof args[0] === 'string' && !/^\d+$/.test(args[0])) return connect.apply(this, args);
    const host = typeof args[1] === 'string' ? args[1] : undefined;
    const callback = args.find((a) => typeof a === 'function');
    options = { port: args[0] as number | string, host };
    args = callback ? [options, callback] : [options];
  }
  if (typeof options.path === 'string') return connect.apply(this, args);
  const host = options.host ?? 'localhost';
  if (isIP(host)) {
    if (!isLoopback(host)) {
      const error = refusal(host);
      process.nextTick(() => this.destroy(error));
      return this;
    }
  } else {
    options.lookup = guardedLookup(options.lookup);
  }
  return connect.apply(this, args);
};
