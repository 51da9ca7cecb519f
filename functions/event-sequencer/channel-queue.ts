import type { Message } from '@google-cloud/pubsub';
import type { IntakeMessage } from '../../shared/events/message.js';

export interface Received {
  message: Message;
  intake: IntakeMessage;
  /** re-published by the outbox sweeper, or delivered again by Pub/Sub: may already be sequenced */
  suspect: boolean;
}

/** Events one batch may hold: one Firestore document (the history batch) stays well under 1 MiB. */
export const MAX_BATCH_EVENTS = 500;
export const MAX_BATCH_BYTES = 512 * 1024;

/** What waits for its positions on one channel, in arrival order. */
export class ChannelQueue {
  readonly waiting: Received[] = [];
  busy = false;

  /** The next batch: everything waiting, up to the event and size limits (at least one message). */
  take(): Received[] {
    let events = 0;
    let bytes = 0;
    let count = 0;
    for (const r of this.waiting) {
      const size = r.message.data.length;
      if (count > 0 && (events + r.intake.events.length > MAX_BATCH_EVENTS || bytes + size > MAX_BATCH_BYTES)) break;
      events += r.intake.events.length;
      bytes += size;
      count++;
    }
    return this.waiting.splice(0, count);
  }
}
