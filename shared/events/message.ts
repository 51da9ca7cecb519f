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

/** The events of one commit: written in the same commit as the change (`eventOutbox/{id}`). */
export interface OutboxEntry {
  id: string;
  /** ms since epoch, when the entry was staged */
  time: number;
  events: StagedEvent[];
}

/** What travels on the intake topic: the events of one outbox entry on one channel, in emit order. */
export interface IntakeMessage {
  /** the outbox entry: the sequencer's deduplication key on the channel */
  entry: string;
  channel: string;
  time: number;
  events: Array<{ id: string; endpoint: string; data: unknown }>;
}
