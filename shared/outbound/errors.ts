export type OutboundErrorKind = 'bad-url' | 'forbidden-address' | 'network' | 'timeout' | 'too-large' | 'too-many-redirects' | 'http-error';

/** Why an outbound call did not produce a usable response. `status` is set for `http-error`. */
export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
    readonly details: { url?: string; status?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'OutboundError';
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

export const isOutboundError = (err: unknown, kind?: OutboundErrorKind): err is OutboundError =>
  err instanceof OutboundError && (kind === undefined || err.kind === kind);
