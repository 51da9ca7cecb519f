import type { ApiError } from '../errors/api-error.js';
import type { RestStyle } from '../registry/types.js';

export interface ErrorEnvelope {
  status: boolean;
  code: number;
  message: string;
}

export const OK: ErrorEnvelope = Object.freeze({ status: false, code: 0, message: '' });

export function errorEnvelope(err: ApiError): ErrorEnvelope {
  return { status: true, code: err.status, message: err.message };
}

/** REST error bodies: seed 003 `{ traceId, message }`; everything else `{ error: { status, code, message } }`. */
export function restErrorBody(style: RestStyle, err: ApiError, traceId: string): unknown {
  return style === 'chats' ? { traceId, message: err.message } : { error: errorEnvelope(err) };
}
