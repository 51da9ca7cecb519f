import type { EventMessage } from '../../shared/events/message.js';
import { log } from '../../shared/log.js';
import type { RelayClient } from './client.js';
import { eventFrame } from './frames.js';
import { channelLeftFrame, revokedUsers } from './revocations.js';

/** Reads stored events `from..to` of a channel (the publish history), to fill gaps. */
export type HistoryReader = (channel: string, from: number, to: number) => Promise<EventMessage[]>;

/** Delivery order of one channel on this instance. */
interface Stream {
  /** next position to deliver; unknown until the first event arrives */
  next?: number;
  /** events that arrived ahead of a missing position */
  held: Map<number, EventMessage>;
  timer?: NodeJS.Timeout;
  filling: boolean;
}

/**
 * Channel membership of the local sockets, and in-order delivery to them. Events from different
 * publishers can reach the subscription out of position order: one that arrives ahead of a gap is
 * held for `reorderWaitMs`; if the gap has not closed by then, the missing positions are read from
 * the history (they are stored before they are published) and delivered in order.
 */
export class ChannelHub {
  private readonly members = new Map<string, Set<RelayClient>>();
  private readonly streams = new Map<string, Stream>();

  constructor(
    private readonly reorderWaitMs: number,
    private readonly readHistory: HistoryReader,
  ) {}

  get channelCount(): number {
    return this.members.size;
  }

  join(client: RelayClient, channel: string): void {
    let set = this.members.get(channel);
    if (!set) {
      set = new Set();
      this.members.set(channel, set);
      this.streams.set(channel, { held: new Map(), filling: false });
    }
    if (set.has(client)) return;
    set.add(client);
    client.channels.add(channel);
    client.joinMarks.set(channel, this.streams.get(channel)!.next);
  }

  /** Whether live events of the channel went out to its members since this client joined it. */
  emittedSinceJoin(client: RelayClient, channel: string): boolean {
    return this.streams.get(channel)?.next !== client.joinMarks.get(channel);
  }

  leave(client: RelayClient, channel: string): void {
    client.channels.delete(channel);
    client.joinMarks.delete(channel);
    client.replayedUpTo?.delete(channel);
    client.recovering?.delete(channel);
    const set = this.members.get(channel);
    if (!set) return;
    set.delete(client);
    if (set.size === 0) {
      this.members.delete(channel);
      const stream = this.streams.get(channel);
      if (stream?.timer) clearTimeout(stream.timer);
      this.streams.delete(channel);
    }
  }

  leaveAll(client: RelayClient): void {
    for (const channel of [...client.channels]) this.leave(client, channel);
  }

  /** An event from the subscription. Events of channels without local sockets are dropped. */
  receive(event: EventMessage): void {
    const stream = this.streams.get(event.channel);
    if (!stream) return;
    if (stream.next === undefined || (event.position === stream.next && !stream.filling)) {
      this.emit(event);
      stream.next = event.position + 1;
      this.flushConsecutive(stream);
      return;
    }
    if (event.position < stream.next) return; // a redelivery, or already read from the history
    stream.held.set(event.position, event);
    stream.timer ??= setTimeout(() => void this.fillGap(event.channel, stream), this.reorderWaitMs);
  }

  private flushConsecutive(stream: Stream): void {
    let held: EventMessage | undefined;
    while (stream.next !== undefined && (held = stream.held.get(stream.next))) {
      stream.held.delete(stream.next);
      this.emit(held);
      stream.next++;
    }
    if (stream.held.size === 0 && stream.timer) {
      clearTimeout(stream.timer);
      stream.timer = undefined;
    }
  }

  private async fillGap(channel: string, stream: Stream): Promise<void> {
    stream.filling = true;
    const from = stream.next!;
    const to = Math.max(...stream.held.keys());
    let stored: EventMessage[] = [];
    try {
      stored = await this.readHistory(channel, from, to);
    } catch (err) {
      log.warn('could not read the event history to fill a gap; delivering what arrived', { err, channel, from, to });
    }
    stream.filling = false;
    stream.timer = undefined;
    if (this.streams.get(channel) !== stream) return; // every socket left meanwhile
    for (const event of stored)
      if (event.position >= stream.next! && !stream.held.has(event.position)) stream.held.set(event.position, event);
    for (const position of [...stream.held.keys()].sort((a, b) => a - b)) {
      if (position < stream.next!) continue;
      this.emit(stream.held.get(position)!);
      stream.next = position + 1;
    }
    stream.held.clear();
  }

  /** Serializes once, then writes to every member; a recovering member gets it after its replay. */
  private emit(event: EventMessage): void {
    const set = this.members.get(event.channel);
    if (!set) return;
    const revoked = revokedUsers(event);
    if (revoked)
      return this.revoke(
        event.channel,
        [...set].filter((client) => revoked.has(client.userId)),
      );
    const frame = eventFrame(event);
    for (const client of set) {
      const pending = client.recovering?.get(event.channel);
      if (pending) pending.push(event);
      else if (!client.replayedUpTo || !this.alreadyReplayed(client, client.replayedUpTo, event)) client.send(frame);
    }
  }

  /** An event the client got in a replay, before the topic delivered it here. */
  private alreadyReplayed(client: RelayClient, marks: Map<string, number>, event: EventMessage): boolean {
    const mark = marks.get(event.channel);
    if (mark === undefined) return false;
    if (event.position <= mark) return true;
    marks.delete(event.channel);
    if (marks.size === 0) client.replayedUpTo = undefined;
    return false;
  }

  /** Removes sockets from a channel whose access ended; each is told with `relay:channelLeft`. */
  private revoke(channel: string, clients: RelayClient[]): void {
    for (const client of clients) {
      this.leave(client, channel);
      client.send(channelLeftFrame(channel));
    }
  }

  /** Sends stored events to one client (recovery), followed by what arrived live meanwhile; answers the position reached. */
  replay(client: RelayClient, channel: string, after: number, events: EventMessage[]): number {
    let position = after;
    const live = client.recovering?.get(channel) ?? [];
    client.recovering?.delete(channel);
    for (const event of [...events, ...live].sort((a, b) => a.position - b.position)) {
      if (event.position <= position) continue;
      position = event.position;
      const revoked = revokedUsers(event);
      if (revoked?.has(client.userId)) {
        this.revoke(channel, [client]);
        return position;
      }
      if (!revoked) client.send(eventFrame(event));
    }
    // the replay read the history up to its last position: those events may still be on their way from the topic
    if (position > 0) (client.replayedUpTo ??= new Map()).set(channel, position); // live events up to it are the client's already
    return position;
  }

  /** Ends a recovery that could not be made: what arrived live meanwhile is sent as it came. */
  release(client: RelayClient, channel: string): void {
    const live = client.recovering?.get(channel) ?? [];
    client.recovering?.delete(channel);
    for (const event of live) {
      const revoked = revokedUsers(event);
      if (revoked?.has(client.userId)) return this.revoke(channel, [client]);
      if (!revoked) client.send(eventFrame(event));
    }
  }
}
