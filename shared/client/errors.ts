/** An error answer of the API: the seed's code (the HTTP status) and message. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    /** the seed's error code, equal to the HTTP status (400, 403, 404, 409, 413, 429, 503, ...) */
    readonly code: number,
    message: string,
    /** the operation or WebSocket endpoint that answered */
    readonly operation: string,
    /** seed 003 answers name the request's trace id */
    readonly traceId?: string,
  ) {
    super(message);
  }
}

/** A WebSocket call that got no reply because the socket closed (or the client was closed) first. */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError';
  constructor(
    readonly operation: string,
    message = `the connection closed before ${operation} was answered; it may or may not have run`,
    /** the relay's close code and reason, when it closed the socket (4401 bad token, 4429 too many sockets, 1012 restart, ...) */
    readonly closed?: { code: number; reason: string },
  ) {
    super(message);
  }
}

/** A call that got no reply within the client's call timeout. */
export class CallTimeoutError extends Error {
  override readonly name = 'CallTimeoutError';
  constructor(
    readonly operation: string,
    ms: number,
  ) {
    super(`${operation} was not answered within ${ms} ms`);
  }
}
