export interface BackoffOptions {
  /** first delay ceiling, in ms (default 250) */
  initialDelayMs?: number;
  /** largest delay, in ms (default 10000) */
  maxDelayMs?: number;
}

/** Exponential backoff with "equal jitter": between half and all of min(max, initial * 2^attempt), so clients spread out. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = options.initialDelayMs ?? 250;
  const ceiling = Math.min(options.maxDelayMs ?? 10_000, initial * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
