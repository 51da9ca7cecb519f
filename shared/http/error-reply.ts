import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../errors/api-error.js';
import { errorEnvelope, restErrorBody } from '../transport/envelopes.js';
import { applyCorsHeaders } from './cors.js';
import type { RouteInfo } from './route-registry.js';

/** The error body of a binding's family: chats `{ traceId, message }`, JSON-RPC and relay calls `{ data: null, error }`, else `{ error }`. */
export function errorBodyFor(envelope: RouteInfo['envelope'], err: ApiError, traceId: string): unknown {
  switch (envelope) {
    case 'jsonRpc':
      return { data: null, error: errorEnvelope(err) };
    case 'ops':
      return { data: null, error: errorEnvelope(err), channels: { join: [], leave: [] } };
    default:
      return restErrorBody(envelope, err, traceId);
  }
}

/** Writes an error answer from a plain Node response (no Express helpers needed). */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  envelope: RouteInfo['envelope'],
  err: ApiError,
  traceId: string,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  applyCorsHeaders(req, res);
  const body = JSON.stringify(errorBodyFor(envelope, err, traceId));
  res.statusCode = err.status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
