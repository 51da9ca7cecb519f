import { currentPosition, historyLimit, historySeconds, storedEvents } from '../../shared/events/history.js';
import type { EventMessage } from '../../shared/events/message.js';
import type { RelayClient } from './client.js';
import type { ChannelHub } from './hub.js';

export interface ChannelRecovery {
  recovered: boolean;
  /** where the client now is on the channel */
  position: number;
  replayed?: number;
  reason?: string;
}

type Lookup = { ok: true; events: EventMessage[] } | { ok: false; reason: string };

/** The events after `last`, if the history still holds every one of them. */
async function missedEvents(channel: string, last: number): Promise<Lookup> {
  const current = await currentPosition(channel);
  if (last > current) return { ok: false, reason: `position ${last} is ahead of the channel (${current}): re-query` };
  if (current - last > historyLimit()) return { ok: false, reason: `missed ${current - last} events, more than the ${historyLimit()} kept: re-query` };
  // read after the position, so every event up to `current` is already stored
  const events = await storedEvents(channel, last + 1, current);
  const complete = events.length === current - last && events.every((e, i) => e.position === last + 1 + i);
  if (!complete) return { ok: false, reason: `missed events are older than ${historySeconds()} s or too large to keep: re-query` };
  return { ok: true, events };
}

/**
 * `relay:recover`: for each channel the socket has joined, the events after the client's last
 * position, from the shared history. Live events of those channels are held back meanwhile and
 * sent after the replay, in position order, without duplicates.
 */
export async function recoverChannels(hub: ChannelHub, client: RelayClient, positions: Record<string, number>): Promise<Record<string, ChannelRecovery>> {
  const result: Record<string, ChannelRecovery> = {};
  client.recovering ??= new Map();
  const joined: string[] = [];
  for (const [channel, last] of Object.entries(positions)) {
    if (!client.channels.has(channel)) result[channel] = { recovered: false, position: last, reason: 'the socket has not joined this channel: subscribe first' };
    else if (client.recovering.has(channel)) result[channel] = { recovered: false, position: last, reason: 'a recovery of this channel is already in progress' };
    else joined.push(channel);
  }
  for (const channel of joined) client.recovering.set(channel, []);
  const lookups = await Promise.all(
    joined.map((channel) => missedEvents(channel, positions[channel]).catch((err: Error): Lookup => ({ ok: false, reason: `history unavailable (${err.message}): re-query` }))),
  );
  joined.forEach((channel, i) => {
    const lookup = lookups[i];
    const last = positions[channel];
    if (!client.channels.has(channel)) {
      result[channel] = { recovered: false, position: last, reason: 'the socket left this channel during recovery' };
    } else if (lookup.ok) {
      const position = hub.replay(client, channel, last, lookup.events);
      result[channel] = { recovered: true, position, replayed: lookup.events.length };
    } else {
      hub.release(client, channel);
      result[channel] = { recovered: false, position: last, reason: lookup.reason };
    }
  });
  return result;
}
