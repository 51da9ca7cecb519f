import type { RawData } from 'ws';
import { ApiError, badRequest } from '../../shared/errors/api-error.js';
import type { EventMessage } from '../../shared/events/message.js';
import { OK, type ErrorEnvelope } from '../../shared/transport/envelopes.js';
import { validateRequest } from '../../shared/validation/validator.js';

/**
 * A call: `{ endpoint, data, event: { id, date } }`. `event` may be left out (seed 000 shows calls
 * as bare `{ empty }` requests); the reply then carries `event.id: null`, so a client that sends
 * several such calls at once cannot tell their replies apart.
 */
export interface CallFrame {
  endpoint: string;
  data: Record<string, unknown>;
  event?: { id: string | number; date?: number };
}

const callSchema = {
  type: 'object',
  required: ['endpoint'],
  properties: {
    endpoint: { type: 'string', minLength: 1, maxLength: 200 },
    data: { type: 'object' },
    event: {
      type: 'object',
      required: ['id'],
      properties: { id: { type: ['string', 'number'], maxLength: 200 }, date: { type: 'number' } },
    },
  },
};

/** Deepest nesting of objects and arrays a frame may have; deeper data is refused before anything recurses over it. */
export const MAX_FRAME_DEPTH = 64;

/** Whether a parsed JSON value nests objects/arrays deeper than `max` (iterative: no recursion on client data). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

export type Parsed = { ok: true; frame: CallFrame } | { ok: false; error: ApiError; endpoint?: string; eventId?: string | number };

/** Checks a frame's shape; a bad frame still yields what it had of endpoint and event id, for the error reply. */
export function parseFrame(raw: RawData, isBinary: boolean): Parsed {
  if (isBinary) return { ok: false, error: badRequest('frames must be JSON text, not binary') };
  let value: unknown;
  try {
    value = JSON.parse(raw.toString());
  } catch {
    return { ok: false, error: badRequest('frame is not valid JSON') };
  }
  const endpoint = typeof (value as CallFrame)?.endpoint === 'string' ? (value as CallFrame).endpoint : undefined;
  const id = (value as CallFrame)?.event?.id;
  const eventId = typeof id === 'string' || typeof id === 'number' ? id : undefined;
  if (nestsDeeperThan(value, MAX_FRAME_DEPTH))
    return { ok: false, error: badRequest(`frame nests objects or arrays deeper than ${MAX_FRAME_DEPTH} levels`), endpoint, eventId };
  try {
    const frame = validateRequest<CallFrame>(callSchema, value);
    frame.data ??= {};
    return { ok: true, frame };
  } catch (err) {
    return { ok: false, error: err instanceof ApiError ? err : badRequest('malformed frame'), endpoint, eventId };
  }
}

/** `{ type: "response", endpoint, event: { id, date }, data, error }`, with `joined` (channel -> position) when the call joined channels. */
export function responseFrame(
  endpoint: string | undefined,
  eventId: string | number | undefined,
  data: unknown,
  error: ErrorEnvelope = OK,
  joined?: Record<string, number>,
): string {
  const frame = {
    type: 'response',
    endpoint: endpoint ?? null,
    event: { id: eventId ?? null, date: Date.now() },
    data: data ?? null,
    error,
  };
  return JSON.stringify(joined && Object.keys(joined).length > 0 ? { ...frame, joined } : frame);
}

export function errorFrame(endpoint: string | undefined, eventId: string | number | undefined, error: ApiError): string {
  return responseFrame(endpoint, eventId, null, { status: true, code: error.status, message: error.message });
}

/** `{ type: "event", endpoint, channel, position, data, error }`, serialized once for every socket of the channel. */
export function eventFrame(event: EventMessage): Buffer {
  return Buffer.from(
    JSON.stringify({
      type: 'event',
      endpoint: event.endpoint,
      channel: event.channel,
      position: event.position,
      data: event.data,
      error: OK,
    }),
  );
}
