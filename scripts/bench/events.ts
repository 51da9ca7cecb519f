/**
 * Event pipeline benchmark, one run on the emulators (started here):
 *  - one hot channel: 50 concurrent publishers commit 2,000 events (change + outbox entry in one
 *    commit, then the intake publish), sequenced and delivered through a real relay to a subscribed
 *    socket: events/s delivered, events lost, positions, commit-to-socket p50/p99;
 *  - the same load over 2,000 distinct channels (one socket per channel);
 *  - commit-to-socket latency on the hot channel at a steady 200 events/s;
 *  - the response time of an operation emitting one event against the same operation emitting none;
 *  - baseline: bare Pub/Sub publish + streaming pull of the same messages on the emulator.
 *
 *   npm run bench -- events
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Message } from '@google-cloud/pubsub';
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { WebSocket } from 'ws';
import { acquireSequencer } from '../../functions/event-sequencer/index.js';
import { startRelay } from '../../functions/relay/index.js';
import { firestore, pubsub, closeClients } from '../../shared/gcp/clients.js';
import { handOff } from '../../shared/events/handoff.js';
import { commitWithEvents } from '../../shared/events/outbox.js';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { benchEmulators } from './emulators.js';
import { closeServers } from '../lib/function-host.js';
import { createIssuerKeys, issuerEnv, mintToken, serveJwks, type IssuerKeys } from '../lib/issuer.js';
import { BENCH_WRITE, eventsBenchFamily } from './events-family.js';

const PUBLISHERS = 50;
const EVENTS = 2000;
const PACED_RATE = 200;
const RESPONSE_SAMPLES = 150;
const SETTLE_MS = 30_000;
const SOCKET_BATCH = 100;

interface Delivered {
  position: number;
  latency: number;
  at: number;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const sleep = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

/** A socket authenticated as `user`, recording the events of its user channel by event id. */
async function subscriber(wsUrl: string, keys: IssuerKeys, user: string, seen: Map<string, Delivered>): Promise<WebSocket> {
  const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${await mintToken(keys, { user })}` } });
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { type: string; endpoint: string; position?: number; data: { id?: string } };
      if (frame.type === 'response' && frame.endpoint === 'relay:recover') resolve();
      if (frame.type !== 'event' || !frame.data?.id) return;
      const now = Date.now();
      seen.set(frame.data.id, { position: frame.position ?? 0, latency: now - (committedAt.get(frame.data.id) ?? now), at: now });
    });
    ws.once('open', () =>
      ws.send(JSON.stringify({ endpoint: 'relay:recover', data: { channels: {} }, event: { id: 'ready', date: Date.now() } })),
    );
  });
  return ws;
}

/** When each change's commit answered: commit-to-socket starts there. */
const committedAt = new Map<string, number>();

/** One committed change with its event, as a handler commits it (the intake publish handed off, as the transport does). */
async function commitOne(channel: string, id: string): Promise<void> {
  const batch = firestore().batch();
  batch.set(firestore().collection('eventsBench').doc(id), { updated: Date.now() });
  await commitWithEvents(
    batch,
    {
      committed: (entry) => {
        committedAt.set(id, Date.now());
        handOff([entry]);
      },
    },
    [{ endpoint: 'resource:updated', channel, data: { id } }],
  );
}

async function waitFor(seen: Map<string, Delivered>, ids: string[]): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  while (Date.now() < deadline && ids.some((id) => !seen.has(id))) await sleep(20);
}

interface LoadResult {
  rate: number;
  lost: number;
  p50: number;
  p99: number;
  contiguous: boolean;
}

/** `PUBLISHERS` concurrent loops commit EVENTS events, on channelOf(i); measured until the last one reached its socket. */
async function load(channelOf: (i: number) => string, seen: Map<string, Delivered>, paceMs = 0, count = EVENTS): Promise<LoadResult> {
  const ids = Array.from({ length: count }, () => randomUUID());
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: PUBLISHERS }, async () => {
      for (let i = next++; i < count; i = next++) {
        if (paceMs) {
          const due = started + i * paceMs;
          if (due > Date.now()) await sleep(due - Date.now());
        }
        await commitOne(channelOf(i), ids[i]);
      }
    }),
  );
  await waitFor(seen, ids);
  const delivered = ids.map((id) => seen.get(id)).filter((d): d is Delivered => !!d);
  const last = Math.max(...delivered.map((d) => d.at));
  const positions = delivered.map((d) => d.position).sort((a, b) => a - b);
  return {
    rate: delivered.length / ((last - started) / 1000),
    lost: count - delivered.length,
    p50: percentile(
      delivered.map((d) => d.latency),
      50,
    ),
    p99: percentile(
      delivered.map((d) => d.latency),
      99,
    ),
    contiguous: positions.every((p, i) => i === 0 || p === positions[i - 1] + 1),
  };
}

/** Bare Pub/Sub: the same number of messages, same publishers, published then pulled on the emulator. */
async function baseline(): Promise<{ rate: number; p50: number; p99: number }> {
  const [topic] = await pubsub().createTopic(`bench-baseline-${randomBytes(4).toString('hex')}`);
  const [subscription] = await topic.createSubscription(`${topic.name.split('/').pop()}-pull`);
  const publisher = pubsub().topic(topic.name, { batching: { maxMessages: 500, maxMilliseconds: 1 } });
  const latencies: number[] = [];
  let last = 0;
  const done = new Promise<void>((resolve) => {
    subscription.on('message', (m: Message) => {
      m.ack();
      const sent = Number(m.attributes.sent);
      last = Date.now();
      latencies.push(last - sent);
      if (latencies.length === EVENTS) resolve();
    });
  });
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: PUBLISHERS }, async () => {
      for (let i = next++; i < EVENTS; i = next++) {
        await publisher.publishMessage({
          json: { id: randomUUID(), endpoint: 'resource:updated', data: { i } },
          attributes: { sent: String(Date.now()) },
        });
      }
    }),
  );
  await Promise.race([done, sleep(SETTLE_MS)]);
  await subscription.close();
  return { rate: latencies.length / ((last - started) / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** p50 response time of the operation through functions-framework, with and without its event, interleaved. */
async function responseTimes(url: string, channel: string): Promise<{ without: number; withEvent: number }> {
  const call = async (withEvent: boolean) => {
    const started = performance.now();
    const res = await fetch(`${url}/ops/${BENCH_WRITE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { id: randomUUID(), ...(withEvent ? { channel } : {}) }, event: { id: 1, date: Date.now() } }),
    });
    if (!res.ok) throw new Error(`${BENCH_WRITE} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return performance.now() - started;
  };
  for (let i = 0; i < 20; i++) await call(i % 2 === 0);
  const without: number[] = [];
  const withEvent: number[] = [];
  for (let i = 0; i < RESPONSE_SAMPLES; i++) {
    without.push(await call(false));
    withEvent.push(await call(true));
  }
  return { without: percentile(without, 50), withEvent: percentile(withEvent, 50) };
}

function line(label: string, value: string, target: string, ok: boolean): void {
  process.stdout.write(`${label.padEnd(46)} ${value.padEnd(26)} target ${target.padEnd(22)} ${ok ? 'PASS' : 'FAIL'}\n`);
}

export async function benchEvents(): Promise<void> {
  const emulators = await benchEmulators({
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARNING',
    RELAY_MAX_BUFFERED_BYTES: String(64 * 1024 * 1024),
    // every bench socket comes from 127.0.0.1, SOCKET_BATCH of them upgrading at once
    RELAY_MAX_UNAUTHENTICATED_PER_ADDRESS: '100000',
    RELAY_MAX_UNAUTHENTICATED: '100000',
  });
  const keys = await createIssuerKeys();
  const jwks = await serveJwks(keys);
  Object.assign(process.env, issuerEnv(jwks.url));
  http(eventsBenchFamily.name, createFamilyHandler(eventsBenchFamily.operations));
  const fn = getTestServer(eventsBenchFamily.name);
  await new Promise<void>((resolve) => fn.listen(0, '127.0.0.1', resolve));
  const fnUrl = `http://127.0.0.1:${(fn.address() as AddressInfo).port}`;
  const { sequencer, release } = await acquireSequencer();
  const relay = await startRelay({ port: 0, families: [], functionUrls: {} });
  const wsUrl = `${relay.url.replace('http', 'ws')}/ws`;
  const sockets: WebSocket[] = [];
  try {
    const seen = new Map<string, Delivered>();
    const hotUser = randomUUID();
    sockets.push(await subscriber(wsUrl, keys, hotUser, seen));
    const users = Array.from({ length: EVENTS }, () => randomUUID());
    for (let i = 0; i < users.length; i += SOCKET_BATCH) {
      sockets.push(...(await Promise.all(users.slice(i, i + SOCKET_BATCH).map((u) => subscriber(wsUrl, keys, u, seen)))));
    }
    // warm-up: the pipeline's clients and streams are open before anything is measured
    await load(() => `user:${randomUUID()}`, new Map(), 0, 200);

    process.stdout.write(
      `\nevents bench: ${PUBLISHERS} publishers, ${EVENTS} events per load, relay + sequencer + emulators on this machine\n\n`,
    );
    const base = await baseline();
    line('baseline: bare Pub/Sub publish + pull', `${base.rate.toFixed(0)} msg/s`, 'reference', true);
    line('baseline: publish-to-pull p50 / p99', `${ms(base.p50)} / ${ms(base.p99)}`, 'reference', true);
    const hot = await load(() => `user:${hotUser}`, seen);
    line(
      'hot channel: delivered to socket',
      `${hot.rate.toFixed(0)} events/s (${(hot.rate / base.rate).toFixed(2)}x baseline)`,
      '>= 500 events/s',
      hot.rate >= 500,
    );
    line('hot channel: lost', String(hot.lost), '0', hot.lost === 0);
    line('hot channel: positions contiguous', String(hot.contiguous), 'true', hot.contiguous);
    line('hot channel: commit-to-socket p50 / p99', `${ms(hot.p50)} / ${ms(hot.p99)}`, 'reported', true);
    const distinct = await load((i) => `user:${users[i]}`, seen);
    line('distinct channels: delivered to sockets', `${distinct.rate.toFixed(0)} events/s`, 'reference', true);
    line('distinct channels: lost', String(distinct.lost), '0', distinct.lost === 0);
    line('distinct channels: commit-to-socket p50 / p99', `${ms(distinct.p50)} / ${ms(distinct.p99)}`, 'reported', true);
    line('hot / distinct rate', `${(hot.rate / distinct.rate).toFixed(2)}x`, '>= 0.5x', hot.rate / distinct.rate >= 0.5);
    const pacedUser = randomUUID();
    sockets.push(await subscriber(wsUrl, keys, pacedUser, seen));
    const paced = await load(() => `user:${pacedUser}`, seen, 1000 / PACED_RATE);
    line(
      `hot channel at ${PACED_RATE}/s: commit-to-socket p50 / p99`,
      `${ms(paced.p50)} / ${ms(paced.p99)}`,
      'p99 <= 250 ms, 0 lost',
      paced.p99 <= 250 && paced.lost === 0,
    );
    const response = await responseTimes(fnUrl, `user:${randomUUID()}`);
    line('operation p50: no event / one event', `${ms(response.without)} / ${ms(response.withEvent)}`, 'reported', true);
    line(
      'publishing adds to an operation (p50)',
      ms(response.withEvent - response.without),
      '<= 10 ms',
      response.withEvent - response.without <= 10,
    );
    const stats = sequencer.stats();
    process.stdout.write(
      `\nsequencer: ${stats.sequenced} events in ${stats.batches} batches (${(stats.sequenced / Math.max(1, stats.batches)).toFixed(1)} per batch), ${stats.duplicates} duplicates skipped, ${stats.failures} retried\n`,
    );
  } finally {
    for (const ws of sockets) ws.terminate();
    await relay.stop();
    await release();
    await closeServers([fn, jwks.server]);
    await closeClients();
    await emulators.stop();
  }
}
