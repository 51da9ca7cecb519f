/** What travels on the events topic, from the sequencer to every relay instance. */
export interface EventMessage {
  id: string;
  /** seed event name, e.g. `resource:updated` */
  endpoint: string;
  /** `user:{id}`, `resource:{id}`, `belonging:{belonging}` or `room:{id}` */
  channel: string;
  /** per-channel position: 1, 2, 3, ... in sequencing order, the same for every relay instance */
  position: number;
  data: unknown;
  /** commit time of the change that emitted it, ms since epoch */
  time: number;
}

/** An event a handler emitted, waiting for its writes to commit. */
export interface PendingEvent {
  endpoint: string;
  channel: string;
  data: unknown;
}

/** A pending event with its id, as it is kept in the outbox until it has a position. */
export interface StagedEvent extends PendingEvent {
  id: string;
}

/**
 * Subscribers whose channels a change may have taken out of their sight, re-checked after the
 * commit and before the change's events are published (shared/access/revocations.ts).
 */
export interface AccessRecheck {
  /**
   * Resources whose channels, and those of everything below them, are re-checked for each of
   * their subscribers; the resources named by the entry's `resource:{id}` events are added.
   */
  resources?: string[];
  /** users who lost a membership: every channel they joined is re-checked, and `channels` */
  users?: string[];
  channels?: string[];
}

/** The events of one commit: written in the same commit as the change (`eventOutbox/{id}`). */
export interface OutboxEntry {
  id: string;
  /** ms since epoch, when the entry was staged */
  time: number;
  events: StagedEvent[];
  recheck?: AccessRecheck;
}

/** What travels on the intake topic: the events of one outbox entry on one channel, in emit order. */
export interface IntakeMessage {
  /** the outbox entry: the sequencer's deduplication key on the channel */
  entry: string;
  channel: string;
  time: number;
  events: Array<{ id: string; endpoint: string; data: unknown }>;
}
