import { currentPosition, historyLimit, historySeconds, storedEvents } from '../../shared/events/history.js';
import type { EventMessage } from '../../shared/events/message.js';
import { RECOVERED_EVENT } from '../../shared/events/relay-protocol.js';
import { OK } from '../../shared/transport/envelopes.js';
import type { RelayClient } from './client.js';
import type { ChannelHub } from './hub.js';

export interface ChannelRecovery {
  status: 'recovered' | 'pending' | 'unrecoverable';
  /** where the client now is on the channel */
  position: number;
  replayed?: number;
  reason?: string;
}

type Lookup = { ok: true; events: EventMessage[] } | { ok: false; reason: string };

/** Intents kept per socket for channels it has not joined again yet. */
const MAX_INTENTS = 200;

/** The events after `last`, if the history still holds every one of them. */
async function missedEvents(channel: string, last: number): Promise<Lookup> {
  const current = await currentPosition(channel);
  if (last > current) return { ok: false, reason: `position ${last} is ahead of the channel (${current}): re-query` };
  if (current - last > historyLimit())
    return { ok: false, reason: `missed ${current - last} events, more than the ${historyLimit()} kept: re-query` };
  // read after the position, so every event up to `current` is already stored
  const events = await storedEvents(channel, last + 1, current);
  const complete = events.length === current - last && events.every((e, i) => e.position === last + 1 + i);
  if (!complete) return { ok: false, reason: `missed events are older than ${historySeconds()} s or too large to keep: re-query` };
  return { ok: true, events };
}

/**
 * Recovery of missed events from the shared history. A channel is recovered at the moment the
 * socket joins it (when the client named it beforehand) or at once (when already joined and no
 * live event went out since): live events of the channel are held from then on and follow the
 * replay in position order, without duplicates.
 */
export class Recovery {
  constructor(private readonly hub: ChannelHub) {}

  /** `relay:recover`: recovers joined channels now; remembers the others until a call joins them. */
  async request(client: RelayClient, positions: Record<string, number>): Promise<Record<string, ChannelRecovery>> {
    const result: Record<string, ChannelRecovery> = {};
    const now: Array<[string, number]> = [];
    for (const [channel, last] of Object.entries(positions)) {
      if (client.recovering?.has(channel)) {
        result[channel] = { status: 'unrecoverable', position: last, reason: 'a recovery of this channel is already in progress' };
      } else if (!client.channels.has(channel)) {
        client.intents ??= new Map();
        if (client.intents.size >= MAX_INTENTS && !client.intents.has(channel)) {
          result[channel] = { status: 'unrecoverable', position: last, reason: `at most ${MAX_INTENTS} channels may wait to be joined` };
          continue;
        }
        client.intents.set(channel, last);
        result[channel] = { status: 'pending', position: last };
      } else if (this.hub.emittedSinceJoin(client, channel)) {
        result[channel] = {
          status: 'unrecoverable',
          position: last,
          reason: 'live events arrived on this channel before the request: send relay:recover before joining it (re-query now)',
        };
      } else {
        now.push([channel, last]);
      }
    }
    const recovered = await this.recover(client, now);
    return { ...result, ...recovered };
  }

  /**
   * Channels the socket just joined: recovers those it named beforehand. Call synchronously after
   * the joins, so no live event slips ahead of the replay; each outcome is pushed as a
   * `relay:recovered` event frame.
   */
  async joined(client: RelayClient, channels: string[]): Promise<void> {
    if (!client.intents?.size) return;
    const due: Array<[string, number]> = [];
    for (const channel of channels) {
      const last = client.intents.get(channel);
      if (last === undefined || client.recovering?.has(channel)) continue;
      client.intents.delete(channel);
      due.push([channel, last]);
    }
    if (due.length === 0) return;
    const results = await this.recover(client, due);
    for (const [channel, outcome] of Object.entries(results)) {
      client.send(JSON.stringify({ type: 'event', endpoint: RECOVERED_EVENT, channel, data: outcome, error: OK }));
    }
  }

  /**
   * Where the socket is on channels it just joined: every event after that position reaches it
   * live, or by recovery from it after a reconnect. The hub's next position when the socket
   * joined, else (no event went out on this instance yet) the channel's sequenced position.
   * A channel whose position cannot be read is left out: the client cannot recover it.
   */
  async joinPositions(client: RelayClient, channels: string[]): Promise<Record<string, number>> {
    const joined = channels.filter((channel) => client.channels.has(channel));
    const positions = await Promise.all(
      joined.map((channel) => {
        const next = client.joinMarks.get(channel);
        return next !== undefined ? next - 1 : currentPosition(channel).catch(() => undefined);
      }),
    );
    return Object.fromEntries(joined.flatMap((channel, i) => (positions[i] === undefined ? [] : [[channel, positions[i]]])));
  }

  private async recover(client: RelayClient, channels: Array<[string, number]>): Promise<Record<string, ChannelRecovery>> {
    if (channels.length === 0) return {};
    client.recovering ??= new Map();
    for (const [channel] of channels) client.recovering.set(channel, []);
    const lookups = await Promise.all(
      channels.map(([channel, last]) =>
        missedEvents(channel, last).catch((err: Error): Lookup => ({
          ok: false,
          reason: `history unavailable (${err.message}): re-query`,
        })),
      ),
    );
    const result: Record<string, ChannelRecovery> = {};
    channels.forEach(([channel, last], i) => {
      const lookup = lookups[i];
      if (!client.channels.has(channel)) {
        result[channel] = { status: 'unrecoverable', position: last, reason: 'the socket left this channel during recovery' };
      } else if (lookup.ok) {
        result[channel] = {
          status: 'recovered',
          position: this.hub.replay(client, channel, last, lookup.events),
          replayed: lookup.events.length,
        };
      } else {
        this.hub.release(client, channel);
        result[channel] = { status: 'unrecoverable', position: last, reason: lookup.reason };
      }
    });
    return result;
  }
}
