/**
 * Why a piece of content cannot be processed. A MediaError is final for that content
 * (retrying will not help); any other error thrown by this module is an infrastructure
 * failure (missing binary, disk full) that a retry may cure.
 *
 * - too-large: declared dimensions or page sizes exceed the configured limits
 * - corrupt: the bytes do not decode (truncated, damaged, not what they claim)
 * - unsupported: a well-formed file this module cannot handle (encrypted PDF, unknown codec)
 * - bad-range: a requested page range does not exist in the document
 * - timeout: an external tool did not finish within MEDIA_TOOL_TIMEOUT_MS
 */
export type MediaErrorKind = 'too-large' | 'corrupt' | 'unsupported' | 'bad-range' | 'timeout';

export class MediaError extends Error {
  override readonly name = 'MediaError';

  constructor(
    readonly kind: MediaErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isMediaError(error: unknown): error is MediaError {
  return error instanceof MediaError;
}

/** The message of an unknown thrown value, for wrapping library errors into readable reasons. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
