import type { Message, Subscription, Topic } from '@google-cloud/pubsub';
import { requireEnv } from '../../shared/config.js';
import { isChannel } from '../../shared/events/channels.js';
import { faultPoint } from '../../shared/events/faults.js';
import { sequenceBatch, type ChannelMark } from '../../shared/events/history.js';
import type { EventMessage, IntakeMessage } from '../../shared/events/message.js';
import { batchedTopic } from '../../shared/events/ordered-topic.js';
import { log } from '../../shared/log.js';
import { ChannelQueue, type Received } from './channel-queue.js';
import { intakeSubscription } from './subscription.js';

/** Channels sequenced at once (each channel has at most one batch in flight). */
const MAX_CHANNELS_IN_FLIGHT = 64;
/** Messages the subscription hands over before some are acknowledged. */
const MAX_OUTSTANDING_MESSAGES = 5000;
/** Channels whose last position this instance remembers (to skip the duplicate check). */
const MAX_KNOWN_CHANNELS = 50_000;
const MAX_RETRY_DELAY_MS = 2000;
/** Intake messages (entry and channel) this instance sequenced lately: a redelivery of one is acknowledged and skipped. */
const MAX_RECENT_MESSAGES = 100_000;

export interface SequencerStats {
  received: number;
  sequenced: number;
  batches: number;
  duplicates: number;
  failures: number;
}

function parse(message: Message): IntakeMessage | undefined {
  try {
    const intake = JSON.parse(message.data.toString()) as IntakeMessage;
    if (typeof intake.entry === 'string' && isChannel(intake.channel) && Array.isArray(intake.events) && intake.events.length > 0)
      return intake;
  } catch {
    // reported below
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Assigns channel positions to the committed events arriving on the intake subscription. Each
 * channel has one batch in flight at a time; what arrives meanwhile becomes the next batch, so a
 * busy channel takes one Firestore transaction (one counter write, one history document) for many
 * events. Once a batch is stored its intake messages are acknowledged, and it is published on the
 * events topic for the relays (no ordering key: the relays order a channel by position, holding
 * what arrives early, so every channel shares the same publish requests); a publish that keeps failing leaves
 * the events to the relays' gap filling and to recovery, which read the history. Failures are retried in place, with the
 * duplicate check on, so a batch whose commit succeeded but answered an error is not sequenced
 * twice.
 */
export class Sequencer {
  private readonly queues = new Map<string, ChannelQueue>();
  /** channel -> where this instance's last batch left it: while the counter is still there, nobody else sequenced the channel */
  private readonly known = new Map<string, ChannelMark>();
  private readonly recent = new Set<string>();
  private readonly ready: string[] = [];
  private inFlight = 0;
  private readonly publishing = new Set<Promise<void>>();
  private stopping = false;
  private idle?: () => void;
  readonly stats: SequencerStats = { received: 0, sequenced: 0, batches: 0, duplicates: 0, failures: 0 };

  constructor(
    private readonly subscription: Subscription,
    private readonly events: Topic,
  ) {
    subscription.on('message', (message: Message) => this.receive(message));
    subscription.on('error', (err: Error) => log.error('event intake subscription failed', { err, subscription: subscription.name }));
  }

  private receive(message: Message): void {
    const intake = parse(message);
    if (!intake) {
      log.error('dropping a malformed intake message', { messageId: message.id });
      message.ack();
      return;
    }
    this.stats.received++;
    if (this.recent.has(`${intake.channel} ${intake.entry}`)) {
      this.stats.duplicates++;
      message.ack();
      return;
    }
    const suspect = message.attributes?.swept === 'true' || (message.deliveryAttempt ?? 0) > 1;
    let queue = this.queues.get(intake.channel);
    if (!queue) this.queues.set(intake.channel, (queue = new ChannelQueue()));
    queue.waiting.push({ message, intake, suspect });
    if (!queue.busy && queue.waiting.length === 1) this.ready.push(intake.channel);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < MAX_CHANNELS_IN_FLIGHT && this.ready.length > 0) {
      const channel = this.ready.shift()!;
      const queue = this.queues.get(channel);
      if (!queue || queue.busy || queue.waiting.length === 0) continue;
      queue.busy = true;
      this.inFlight++;
      void this.drain(channel, queue).finally(() => {
        queue.busy = false;
        this.inFlight--;
        if (queue.waiting.length > 0) this.ready.push(channel);
        else this.queues.delete(channel);
        this.pump();
        if (this.inFlight === 0) this.idle?.();
      });
    }
  }

  /** One batch of the channel, retried until it is sequenced and published (or the instance stops). */
  private async drain(channel: string, queue: ChannelQueue): Promise<void> {
    const batch = queue.take();
    let suspect = batch.some((r) => r.suspect);
    for (let attempt = 1; ; attempt++) {
      try {
        const events = await this.sequence(channel, batch, suspect);
        // sequenced is stored: the intake messages are done, and the channel's next messages come sooner
        for (const r of batch) r.message.ack();
        // the next batch is sequenced while this one is published; the relays put the two in position order
        const published = this.fanOut(channel, events);
        this.publishing.add(published);
        void published.finally(() => this.publishing.delete(published));
        return;
      } catch (err) {
        this.stats.failures++;
        this.known.delete(channel);
        suspect = true;
        if (this.stopping) {
          for (const r of batch) r.message.nack();
          return;
        }
        log.warn('sequencing a batch failed; retrying', { err, channel, attempt, messages: batch.length });
        await sleep(Math.min(MAX_RETRY_DELAY_MS, 25 * 2 ** attempt));
      }
    }
  }

  private async sequence(channel: string, batch: Received[], suspect: boolean): Promise<EventMessage[]> {
    faultPoint('sequencer-commit');
    const result = await sequenceBatch(
      channel,
      batch.map((r) => r.intake),
      suspect ? undefined : this.known.get(channel),
    );
    this.stats.batches++;
    this.stats.duplicates += result.duplicates.length;
    this.stats.sequenced += result.events.length;
    this.known.delete(channel);
    if (result.mark) this.known.set(channel, result.mark);
    for (const r of batch) this.recent.add(`${channel} ${r.intake.entry}`);
    for (const key of this.recent) {
      if (this.recent.size <= MAX_RECENT_MESSAGES) break;
      this.recent.delete(key);
    }
    if (this.known.size > MAX_KNOWN_CHANNELS) this.known.delete(this.known.keys().next().value!);
    return result.events;
  }

  /** Hands the sequenced events to the relays; once they have positions they are in the history, so retries only re-publish. */
  private async fanOut(channel: string, events: EventMessage[]): Promise<void> {
    if (events.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        faultPoint('events-publish');
        await Promise.all(
          events.map((e) =>
            this.events.publishMessage({
              data: Buffer.from(JSON.stringify(e)),
              attributes: { channel, endpoint: e.endpoint, position: String(e.position) },
            }),
          ),
        );
        return;
      } catch (err) {
        if (this.stopping || attempt >= 5) {
          // the relays fill the gap from the history at the channel's next event; reconnecting clients recover it
          log.error('sequenced events could not be published to the relays', {
            err,
            channel,
            positions: [events[0].position, events.at(-1)!.position],
          });
          return;
        }
        await sleep(25 * 2 ** attempt);
      }
    }
  }

  /** Stops taking messages; lets batches in flight finish. Unacknowledged messages go to another instance. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription.close().catch((err: Error) => log.warn('closing the intake subscription failed', { err }));
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    await Promise.all(this.publishing);
    for (const queue of this.queues.values()) for (const r of queue.waiting) r.message.nack();
    this.queues.clear();
  }
}

export async function createSequencer(): Promise<Sequencer> {
  const subscription = await intakeSubscription(MAX_OUTSTANDING_MESSAGES);
  const events = await batchedTopic(requireEnv('EVENTS_TOPIC'));
  return new Sequencer(subscription, events);
}
