/**
 * Named points of the event pipeline where tests inject failures: a Pub/Sub or Firestore error, or
 * the process dying after its commit. Nothing is armed in production.
 */
export type FaultPoint =
  /** in a function, after its commit (an operation's handler, a processing job's settlement) and before anything is published */
  | 'after-commit'
  /** in the function, publishing an outbox entry to the intake topic */
  | 'intake-publish'
  /** in the sequencer, committing a batch of positions */
  | 'sequencer-commit'
  /** in the sequencer, publishing a sequenced batch to the events topic */
  | 'events-publish';

const armed = new Map<FaultPoint, { remaining: number; error: () => Error }>();

/** The next `times` passes through `point` throw `error()`. */
export function injectFault(point: FaultPoint, times = 1, error: () => Error = () => new Error(`injected fault at ${point}`)): void {
  armed.set(point, { remaining: times, error });
}

export function clearFaults(): void {
  armed.clear();
}

export function faultPoint(point: FaultPoint): void {
  const fault = armed.get(point);
  if (!fault) return;
  if (--fault.remaining <= 0) armed.delete(point);
  throw fault.error();
}
