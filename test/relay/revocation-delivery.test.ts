import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from '../../functions/relay/index.js';
import { ClientSocket } from './client-sockets.js';
import { familiesWithProbe, OK, startRelayTestStack, TestSocket, type Frame, type RelayTestStack } from './helpers.js';

/** How the relay applies `relay:revoke` in a channel's order: live, out of order, and in a recovery replay. */
// some cases hand made-up events straight to a relay (replies stay checked)
TestSocket.checkEventFrames = false;

let stack: RelayTestStack;
const relays: RunningRelay[] = [];
beforeAll(async () => {
  stack = await startRelayTestStack();
});
afterAll(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  await stack?.stop();
});

const onChannel = (socket: ClientSocket, channel: string) => socket.frames.filter((f) => f.type === 'event' && f.channel === channel);
const summary = (frames: Frame[]) => frames.map((f) => [f.endpoint, f.position ?? null]);

describe('relay:revoke on the live stream', () => {
  it('removes the named user at its position: earlier events reach them, later ones do not; others never see the revocation', async () => {
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const channel = `resource:${randomUUID()}`;
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    for (const s of [sa, sb]) await s.call('probe:join', { channel });
    await sa.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'before' } });
    await sa.call('probe:emit', { channel, endpoint: 'relay:revoke', data: { users: [b.id] } });
    await sa.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'after' } });
    await sa.event('resource:updated', (f) => f.position === 3);
    await sb.event('relay:channelLeft', (f) => f.channel === channel);
    await sa.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'flush' } });
    await sa.event('resource:updated', (f) => f.position === 4);

    expect(summary(onChannel(sb, channel))).toEqual([
      ['resource:updated', 1],
      ['relay:channelLeft', null],
    ]);
    expect(onChannel(sb, channel)[1]).toMatchObject({ data: { channel, reason: 'access' }, error: OK });
    expect(summary(onChannel(sa, channel))).toEqual([
      ['resource:updated', 1],
      ['resource:updated', 3],
      ['resource:updated', 4],
    ]);
    for (const s of [sa, sb]) s.close();
  });

  it('applies a revocation that arrives ahead of a gap only once the gap is filled, in position order', async () => {
    const relay = await startRelay({
      port: 0,
      families: familiesWithProbe,
      functionUrls: stack.functionUrls,
      subscribe: false,
      limits: { reorderWaitMs: 10_000 },
    });
    relays.push(relay);
    const wsUrl = `${relay.url.replace('http', 'ws')}/ws`;
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const channel = `resource:${randomUUID()}`;
    const [sa, sb] = await Promise.all([a, b].map((u) => ClientSocket.open(wsUrl, u.token)));
    for (const s of [sa, sb]) await s.call('probe:join', { channel });
    const event = (position: number, endpoint: string, data: unknown) => ({
      id: randomUUID(),
      endpoint,
      channel,
      position,
      data,
      time: Date.now(),
    });
    relay.deliver(event(1, 'resource:updated', { n: 1 }));
    relay.deliver(event(3, 'resource:updated', { n: 3 }));
    relay.deliver(event(2, 'relay:revoke', { users: [b.id] }));
    await sa.event('resource:updated', (f) => f.position === 3);
    await sb.event('relay:channelLeft');
    expect(summary(onChannel(sb, channel))).toEqual([
      ['resource:updated', 1],
      ['relay:channelLeft', null],
    ]);
    expect(summary(onChannel(sa, channel))).toEqual([
      ['resource:updated', 1],
      ['resource:updated', 3],
    ]);
    for (const s of [sa, sb]) s.close();
  });
});

describe('relay:revoke in a recovery', () => {
  it('a replay stops at a revocation of the recovering user, and skips revocations of others', async () => {
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    const channel = `resource:${randomUUID()}`;
    const steady = await ClientSocket.open(stack.wsUrl, (await stack.user()).token);
    await steady.call('probe:join', { channel });
    const away = await Promise.all([a, b].map((u) => ClientSocket.open(stack.wsUrl, u.token)));
    for (const s of away) await s.call('probe:join', { channel });
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'seen' } });
    for (const s of away) {
      await s.event('resource:updated', (f) => f.position === 1);
      s.close();
      await s.closed;
    }
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'missed' } });
    await steady.call('probe:emit', { channel, endpoint: 'relay:revoke', data: { users: [b.id] } });
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'after' } });
    // positions are given after the calls answer: recover once all three are sequenced
    await steady.event('resource:updated', (f) => f.position === 4);

    const back = async (token: string) => {
      const socket = await ClientSocket.open(stack.wsUrl, token);
      await socket.call('relay:recover', { channels: { [channel]: 1 } });
      await socket.call('probe:join', { channel });
      return socket;
    };
    const [ra, rb] = [await back(a.token), await back(b.token)];
    expect(summary(onChannel(ra, channel))).toEqual([
      ['resource:updated', 2],
      ['resource:updated', 4],
      ['relay:recovered', null],
    ]);
    expect(summary(onChannel(rb, channel))).toEqual([
      ['resource:updated', 2],
      ['relay:channelLeft', null],
      ['relay:recovered', null],
    ]);
    await steady.call('probe:emit', { channel, endpoint: 'resource:updated', data: { step: 'live' } });
    await ra.event('resource:updated', (f) => f.position === 5);
    expect(onChannel(rb, channel).filter((f) => f.position === 5)).toEqual([]);
    for (const s of [ra, rb, steady]) s.close();
  });
});

describe('protocol documentation', () => {
  it('/asyncapi.json describes relay:channelLeft and the channel rules', async () => {
    const doc = (await (await fetch(`${stack.url}/asyncapi.json`)).json()) as {
      channels: {
        socket: {
          description: string;
          messages: Record<string, { name: string; description?: string; payload: { properties: Record<string, unknown> } }>;
        };
      };
    };
    const message = doc.channels.socket.messages['event.relay_channelLeft'];
    expect(message.name).toBe('relay:channelLeft');
    expect(message.payload.properties.data).toMatchObject({ required: ['channel', 'reason'], properties: { reason: { const: 'access' } } });
    expect(message.description).toMatch(/leaves the channel on every relay instance before any later event/);
    expect(doc.channels.socket.description).toMatch(/relay:channelLeft/);
  });
});
