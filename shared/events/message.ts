/** What travels on the events topic, from functions to every relay instance. */
export interface EventMessage {
  id: string;
  /** seed event name, e.g. `resource:updated` */
  endpoint: string;
  /** `user:{id}`, `resource:{id}`, `belonging:{belonging}` or `room:{id}` */
  channel: string;
  /** per-channel position: 1, 2, 3, ... in publish order, the same for every relay instance */
  position: number;
  data: unknown;
  /** publish time, ms since epoch */
  time: number;
}

/** An event a handler emitted, waiting for its writes to commit. */
export interface PendingEvent {
  endpoint: string;
  channel: string;
  data: unknown;
}
