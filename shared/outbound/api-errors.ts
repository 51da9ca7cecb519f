import { ApiError, toApiError } from '../errors/api-error.js';
import { OutboundError } from './errors.js';

export interface OutboundErrorContext {
  /** What the URL is called in the message, e.g. 'url' or 'image url'. */
  subject?: string;
  /** true: the caller gave the URL (its failures are the caller's input problem, 4xx); false: a configured service (503). */
  userSupplied: boolean;
}

/** The ApiError a handler should throw for a failed outbound call. */
export function outboundToApiError(err: unknown, context: OutboundErrorContext): ApiError {
  if (!(err instanceof OutboundError)) return toApiError(err);
  const subject = context.subject ?? 'url';
  if (!context.userSupplied) return new ApiError(503, 'an upstream service is unavailable', { kind: err.kind });
  switch (err.kind) {
    case 'bad-url':
      return new ApiError(400, `${subject} is not an acceptable http(s) URL: ${err.message}`, { kind: err.kind });
    case 'forbidden-address':
      return new ApiError(400, `${subject} points to an address that may not be fetched`, { kind: err.kind });
    case 'too-large':
      return new ApiError(413, `${subject} answered with more data than allowed`, { kind: err.kind });
    case 'http-error':
      return new ApiError(422, `${subject} answered with status ${err.status ?? 'unknown'}`, {
        kind: err.kind,
        upstreamStatus: err.status,
      });
    default:
      return new ApiError(422, `${subject} could not be fetched (${err.kind})`, { kind: err.kind });
  }
}
