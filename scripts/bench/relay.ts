/**
 * Relay benchmark, one run on loopback:
 *  - fan-out: the time for one event to reach 10,000 subscribed sockets through the relay (its
 *    subscription hand-off, channel lookup, per-socket backlog check and write) against a bare `ws`
 *    broadcast loop to 10,000 sockets, medians of several rounds and their ratio;
 *  - memory: the relay's RSS with no socket and with 20,000 idle authenticated sockets;
 *  - footprint: the files importing the relay entry loads (no family, catalog, sharp or pdfjs).
 * Servers and clients run in separate processes (IPC-driven); times are taken on the shared clock.
 *
 *   npm run bench -- relay
 */
import { benchEmulators } from './emulators.js';
import { closeClients } from '../../shared/gcp/clients.js';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { registerHttp } from '../../shared/transport/register-function.js';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { EventMessage } from '../../shared/events/message.js';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { closeServers } from '../lib/function-host.js';
import { createIssuerKeys, issuerEnv, mintToken, serveJwks } from '../lib/issuer.js';
import { repoRoot } from '../lib/paths.js';
import type { RelayFootprint } from '../lib/relay-footprint.js';
import { BENCH_CHANNEL, benchFamily } from './relay-family.js';
import type { ClientsCommand, ClientsReply } from './relay-clients.js';
import type { ServerCommand, ServerReply } from './relay-server.js';

const FANOUT_SOCKETS = 10_000;
const IDLE_SOCKETS = 20_000;
const ROUNDS = 17;
const WARM_UP_ROUNDS = 2;
/** sockets per user: the default RELAY_MAX_SOCKETS_PER_USER */
const SOCKETS_PER_USER = 20;
/** file descriptors a Node process uses besides its sockets */
const FD_RESERVE = 80;
const CONNECT_TIMEOUT_MS = 600_000;
const ROUND_TIMEOUT_MS = 30_000;

type Reply = ServerReply | ClientsReply;

function openFilesLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = line ? Number(line.split(/\s+/)[3]) : NaN;
  return Number.isFinite(soft) ? soft : 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Targets of issue 10 item 4. */
const TARGETS = { emptyRssMiB: 150, kibPerSocket: 8, fanoutRatio: 1.0 };
const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');

/** Files that must never load in the relay: other families, the catalog, heavy media libraries. */
const FORBIDDEN = [
  /^functions\/(?!relay\/)/,
  /^shared\/registry\/catalog\.ts$/,
  /node_modules\/(sharp|pdfjs-dist|@napi-rs\/canvas|@ffmpeg-installer|@ffprobe-installer|openai|music-metadata)\//,
];

function footprint(): RelayFootprint {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(repoRoot, 'scripts/lib/relay-footprint.ts')], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'WARNING' },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as RelayFootprint;
}

class Child {
  private readonly replies: Reply[] = [];
  private waiter?: () => void;
  readonly process: ChildProcess;

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv) {
    this.process = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', join(repoRoot, 'scripts/bench', script), ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.process.on('message', (message: Reply) => {
      this.replies.push(message);
      this.waiter?.();
    });
    this.process.on('exit', () => this.waiter?.());
  }

  send(command: ServerCommand | ClientsCommand): void {
    this.process.send(command);
  }

  /** The next reply of a kind, within a time limit. */
  async next<K extends Reply['kind']>(kind: K, timeoutMs: number): Promise<Extract<Reply, { kind: K }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const failed = this.replies.find((r) => r.kind === 'failed');
      if (failed) throw new Error((failed as { message: string }).message);
      const index = this.replies.findIndex((r) => r.kind === kind);
      if (index >= 0) return this.replies.splice(index, 1)[0] as Extract<Reply, { kind: K }>;
      if (this.process.exitCode !== null) throw new Error(`benchmark child exited with ${this.process.exitCode}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${kind} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }
}

function sampleEvent(position: number): EventMessage {
  const resource = {
    id: randomUUID(),
    created: 1732350000000,
    updated: Date.now(),
    title: 'Quarterly review deck',
    description: 'Slides shown on the main screen of room 3',
    belonging: 'directory:7d4c2a10-1b7e-4f8e-9a61-1f2e3d4c5b6a',
    status: 'ready',
    totalReactions: 4,
    customParams: { color: 'blue', pinned: true },
  };
  return {
    id: randomUUID(),
    endpoint: 'resource:updated',
    channel: BENCH_CHANNEL,
    position,
    data: { belonging: resource.belonging, resource },
    time: Date.now(),
  };
}

export async function benchRelay(): Promise<void> {
  // the relay reads channel positions for the replies of joining calls
  const emulators = await benchEmulators({ LOG_LEVEL: 'WARNING' });
  const limit = openFilesLimit();
  const children: Child[] = [];
  const keys = await createIssuerKeys();
  const jwks = await serveJwks(keys);
  registerHttp(benchFamily.name, createFamilyHandler(benchFamily.operations));
  const fn = getTestServer(benchFamily.name);
  await new Promise<void>((resolve) => fn.listen(0, '127.0.0.1', resolve));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...issuerEnv(jwks.url),
    LOG_LEVEL: 'WARNING',
    // every benchmark socket comes from 127.0.0.1, OPENING_AT_ONCE of them waiting for their token check
    RELAY_MAX_UNAUTHENTICATED_PER_ADDRESS: '100000',
    RELAY_MAX_UNAUTHENTICATED: '100000',
    RELAY_FUNCTION_URLS: JSON.stringify({ [benchFamily.name]: `http://127.0.0.1:${(fn.address() as AddressInfo).port}` }),
  };
  const users = await Promise.all(
    Array.from({ length: Math.ceil(IDLE_SOCKETS / SOCKETS_PER_USER) }, () => mintToken(keys, { user: randomUUID() })),
  );
  const tokens = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => users[Math.floor((offset + i) / SOCKETS_PER_USER)]);
  const start = (script: string, ...args: string[]) => {
    const child = new Child(script, args, env);
    children.push(child);
    return child;
  };

  /** Both servers with their sockets at once, rounds alternating, so load drift hits both sides alike. */
  const fanout = async () => {
    const sides = [];
    for (const mode of ['bare', 'relay'] as const) {
      sides.push(
        await (async () => {
          const server = start('relay-server.ts', mode);
          const { port } = await server.next('ready', 30_000);
          const clients = start('relay-clients.ts');
          const relay = mode === 'relay';
          clients.send({
            cmd: 'connect',
            plan: {
              url: `ws://127.0.0.1:${port}${relay ? '/ws' : ''}`,
              count: FANOUT_SOCKETS,
              subscribe: relay,
              tokens: relay ? tokens(FANOUT_SOCKETS) : undefined,
            },
          });
          const { ms } = await clients.next('connected', CONNECT_TIMEOUT_MS);
          return { mode, server, clients, connectMs: ms, reach: [] as number[], loop: [] as number[] };
        })(),
      );
    }
    for (let position = 1; position <= ROUNDS; position++) {
      for (const side of sides) {
        side.clients.send({ cmd: 'expect', position });
        await side.clients.next('expecting', ROUND_TIMEOUT_MS);
        side.server.send({ cmd: 'emit', event: sampleEvent(position) });
        const { t0, t1 } = await side.server.next('emitted', ROUND_TIMEOUT_MS);
        const { t } = await side.clients.next('received', ROUND_TIMEOUT_MS);
        if (position <= WARM_UP_ROUNDS) continue;
        side.reach.push(t - t0);
        side.loop.push(t1 - t0);
      }
    }
    for (const side of sides) {
      side.clients.send({ cmd: 'close' });
      side.server.send({ cmd: 'stop' });
    }
    const [bare, relay] = sides.map((side) => ({
      reach: median(side.reach),
      loop: median(side.loop),
      min: Math.min(...side.reach),
      max: Math.max(...side.reach),
      connectMs: side.connectMs,
    }));
    return { bare, relay };
  };

  const waitAuthenticated = async (server: Child, count: number) => {
    const deadline = Date.now() + CONNECT_TIMEOUT_MS;
    for (;;) {
      server.send({ cmd: 'stats' });
      const stats = await server.next('stats', 10_000);
      if (stats.authenticated >= count) return;
      if (Date.now() > deadline) throw new Error(`only ${stats.authenticated} of ${count} sockets authenticated`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  /** RSS of a fresh relay process: empty, then with `counts` idle authenticated sockets, cumulatively. */
  const memory = async (counts: number[]) => {
    const server = start('relay-server.ts', 'relay');
    const { port } = await server.next('ready', 30_000);
    server.send({ cmd: 'rss' });
    const samples = [{ sockets: 0, rss: (await server.next('rss', 10_000)).rss }];
    let open = 0;
    for (const target of counts) {
      const batch = start('relay-clients.ts');
      batch.send({
        cmd: 'connect',
        plan: { url: `ws://127.0.0.1:${port}/ws`, count: target - open, subscribe: false, tokens: tokens(target - open, open) },
      });
      await batch.next('connected', CONNECT_TIMEOUT_MS);
      open = target;
      await waitAuthenticated(server, open);
      server.send({ cmd: 'rss' });
      samples.push({ sockets: open, rss: (await server.next('rss', 10_000)).rss });
    }
    return samples;
  };

  try {
    process.stdout.write(`relay benchmark (open files limit ${limit} per process)\n`);
    const loaded = footprint();
    const own = loaded.files.filter((f) => !f.startsWith('node_modules/') && !f.startsWith('file:'));
    const packages = new Set(
      loaded.files
        .filter((f) => f.startsWith('node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(1, f.split('/')[1].startsWith('@') ? 3 : 2)
            .join('/'),
        ),
    );
    const forbidden = loaded.files.filter((f) => FORBIDDEN.some((re) => re.test(f)));
    process.stdout.write(
      `files loaded by importing the relay entry: ${loaded.files.length} (${own.length} of the project, ${loaded.files.length - own.length} from ${packages.size} packages); ` +
        `families, catalog, sharp, pdfjs and other media libraries: ${forbidden.length === 0 ? 'none' : forbidden.join(', ')}\n`,
    );
    const { bare, relay } = await fanout();
    const fanoutRatio = relay.reach / bare.reach;
    const row = (name: string, r: typeof bare) =>
      `  ${name.padEnd(24)}${r.reach.toFixed(1)} ms (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)}); server send loop ${r.loop.toFixed(1)} ms\n`;
    process.stdout.write(
      `time for one event to reach ${FANOUT_SOCKETS} subscribed sockets, median of ${ROUNDS - WARM_UP_ROUNDS} alternating rounds:\n` +
        row('bare ws broadcast loop', bare) +
        row('relay', relay) +
        `  ratio relay / bare      ${fanoutRatio.toFixed(2)} (send loop alone: ${(relay.loop / bare.loop).toFixed(2)})\n` +
        `  (connecting ${FANOUT_SOCKETS} sockets: bare ${bare.connectMs} ms; relay, with a token check and a subscribe call through a function per socket, ${relay.connectMs} ms)\n`,
    );

    // a process holds at most `limit` descriptors: beyond, the last socket count is extrapolated
    const reachable = Math.min(IDLE_SOCKETS, limit - FD_RESERVE);
    const half = Math.floor(reachable / 2);
    const samples = await memory([half, reachable]);
    const [empty, atHalf, atReachable] = samples;
    const perSocket = (atReachable.rss - atHalf.rss) / (atReachable.sockets - atHalf.sockets);
    process.stdout.write(
      `relay RSS: ${mib(empty.rss)} empty, ${mib(atHalf.rss)} with ${atHalf.sockets} idle authenticated sockets, ${mib(atReachable.rss)} with ${atReachable.sockets}\n`,
    );
    process.stdout.write(`  about ${(perSocket / 1024).toFixed(1)} KiB per socket\n`);
    process.stdout.write(
      `targets: RSS with no socket ${mib(empty.rss)} <= ${TARGETS.emptyRssMiB} MiB ${verdict(empty.rss <= TARGETS.emptyRssMiB * 1024 * 1024)}; ` +
        `${(perSocket / 1024).toFixed(1)} KiB per idle socket <= ${TARGETS.kibPerSocket} KiB ${verdict(perSocket <= TARGETS.kibPerSocket * 1024)}; ` +
        `fan-out ratio ${fanoutRatio.toFixed(2)} <= ${TARGETS.fanoutRatio.toFixed(1)} ${verdict(fanoutRatio <= TARGETS.fanoutRatio)}; ` +
        `no family code loaded ${verdict(forbidden.length === 0)}\n`,
    );
    if (reachable < IDLE_SOCKETS) {
      process.stdout.write(
        `  ${IDLE_SOCKETS} sockets exceed this machine's open files limit (${limit}); extrapolated: ${mib(atReachable.rss + perSocket * (IDLE_SOCKETS - reachable))} with ${IDLE_SOCKETS}\n`,
      );
    } else {
      process.stdout.write(`  RSS with ${IDLE_SOCKETS} idle authenticated sockets: ${mib(atReachable.rss)}\n`);
    }
  } finally {
    for (const child of children) child.kill();
    await closeServers([fn, jwks.server]);
    await closeClients();
    await emulators.stop();
  }
}
