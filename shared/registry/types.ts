import type { Readable } from 'node:stream';
import type { Principal } from '../auth/principal.js';
import type { AccessRecheck, OutboxEntry } from '../events/message.js';
import type { Logger } from '../log.js';

/** A JSON Schema (draft 2020-12 subset that ajv understands). */
export type JsonSchema = Record<string, unknown>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** `path` uses `{param}` placeholders exactly as the seeds write them. */
export interface HttpBinding {
  method: HttpMethod;
  path: string;
}

export interface Bindings {
  http?: HttpBinding[];
  /** Path of a JSON-RPC style POST endpoint, e.g. `/jsonRpc/prop.getPropModel`. */
  jsonRpc?: string;
  /** WebSocket endpoint name, e.g. `resource:get`. */
  websocket?: string;
}

/** How errors and successful bodies look on REST for this operation. */
export type RestStyle =
  /** seed 003: plain JSON body, errors `{ traceId, message }` */
  | 'chats'
  /** seeds 000/004: plain JSON body, errors `{ error: { status: true, code, message } }` */
  | 'resource';

export type AuthMode = 'required' | 'optional' | 'none';

/**
 * Where request input comes from on REST. Path params, query params, JSON body
 * fields and the declared headers are merged into one input object that the
 * request schema validates. `binary` bodies arrive as `input.content`.
 */
export interface RestInput {
  body?: 'json' | 'binary' | 'none';
  /** header name (lower case) -> input property */
  headers?: Record<string, string>;
  /** when a JSON body is not an object (e.g. an array), it is placed under this input property */
  bodyProperty?: string;
}

export interface BinaryContent {
  stream: Readable;
  /** Content-Type as the client declared it; never trust it for security decisions. */
  declaredType?: string;
  /** Content-Length as the client declared it, when present. */
  declaredLength?: number;
}

/** Channel names: `user:{id}`, `resource:{id}`, `belonging:{belonging}`, `room:{id}`. */
export type Channel = string;

/** Where events are emitted: the body of `transactionWithEvents`, or a list given to `commitWithEvents`. */
export interface EventSink {
  emit(event: string, channel: Channel, data: unknown): void;
}

/**
 * What a handler is given as `ctx.events`. A handler never emits on it directly: its events are
 * emitted inside the commit of its change (`transactionWithEvents` / `commitWithEvents`,
 * shared/events/outbox.ts), so they are stored with the change or not at all.
 */
export interface EventPublisher {
  /**
   * Transport-internal: an outbox entry that committed with the handler's writes, published once
   * the handler returns. Without it (background code) the entry is published at once.
   */
  committed?(entry: OutboxEntry): void;
  /** access re-checks the change's outbox entry carries (`guardResourceAccess`; a transaction body adds its own with `events.recheck`) */
  recheck?: AccessRecheck;
}

export interface ChannelMembership {
  /** Ask the WebSocket relay to join the calling socket to a channel. No-op on HTTP. */
  join(channel: Channel): void;
  leave(channel: Channel): void;
}

export interface OperationContext {
  principal: Principal;
  requestId: string;
  log: Logger;
  events: EventPublisher;
  channels: ChannelMembership;
  /** request headers a handler may legitimately read (Accept for content negotiation), lower-cased */
  accept?: string;
}

export type AnonymousContext = Omit<OperationContext, 'principal'> & { principal: Principal | null };

/** Special results that a handler may return instead of plain JSON data. */
export type OperationResult =
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 303 | 307 }
  | {
      kind: 'binary';
      status?: number;
      body: Readable | Buffer;
      contentType: string;
      headers?: Record<string, string>;
    }
  | { kind: 'empty'; status?: number }
  | { kind: 'json'; status: number; data: unknown; headers?: Record<string, string> };

/** Response headers the OpenAPI document can declare (see shared/docs/openapi-headers.ts). */
export type DocumentedHeader = 'Content-Disposition' | 'Cache-Control' | 'Vary' | 'ETag' | 'Content-Length' | 'Last-Modified';

export interface OperationDefinition<I = Record<string, unknown>, O = unknown> {
  /** The seed's own name: a WebSocket endpoint, JSON-RPC method, or the OpenAPI operationId of seed 003. */
  name: string;
  family: string;
  summary: string;
  description?: string;
  deprecated?: boolean;
  /** For a deprecated alias: the name of the operation that replaces it. */
  replacedBy?: string;
  bindings: Bindings;
  auth: AuthMode;
  /** seed 004: also accepts tokens pointing to a workspace (claim `tokenType: "workspace"`); every other operation answers them 401 */
  workspaceTokens?: boolean;
  /** Not in any seed: an addition of this project, marked as such in the registry and the API documents */
  extension?: boolean;
  /** Human-readable permission the operation needs (e.g. `prop.manage /networkId/roomId/propId`). */
  permission: string;
  restStyle?: RestStyle;
  rest?: RestInput;
  /** Success status on REST when the handler returns plain data (default 200). */
  successStatus?: number;
  /** Other success statuses a handler answers with `results.json(data, status)` (e.g. 201 for new, 200 for existing), same body. */
  otherSuccessStatuses?: number[];
  request: JsonSchema;
  /** Schema of the `data` part of the answer. Binary/redirect operations describe their JSON fallback or `{}`. */
  response: JsonSchema;
  /** Content type of a non-JSON success response, for the docs (e.g. `image/*`, a redirect); several separated by commas. */
  produces?: string;
  /**
   * Response headers of the REST success answer the documents declare, beyond those implied by the
   * binding (302: Location; a `range` input: Content-Range, Accept-Ranges; `if-none-match`: ETag).
   */
  responseHeaders?: DocumentedHeader[];
  handler: (ctx: OperationContext, input: I) => Promise<O | OperationResult>;
}

export type ChannelKind = 'user' | 'resource' | 'belonging' | 'room';

export interface EventDefinition {
  name: string;
  family: string;
  summary: string;
  channel: ChannelKind;
  payload: JsonSchema;
  /** Not in any seed: an addition of this project, marked as such in the registry and the API documents */
  extension?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = OperationDefinition<any, any>;

export function defineOperation<I, O>(op: OperationDefinition<I, O>): OperationDefinition<I, O> {
  return op;
}

export function defineEvent(ev: EventDefinition): EventDefinition {
  return ev;
}

export function isOperationResult(value: unknown): value is OperationResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    ['redirect', 'binary', 'empty', 'json'].includes((value as { kind: string }).kind) &&
    Object.getPrototypeOf(value) === Object.prototype &&
    (value as Record<symbol, unknown>)[RESULT] === true
  );
}

const RESULT = Symbol.for('operation-result');

function mark<T extends object>(r: T): T {
  Object.defineProperty(r, RESULT, { value: true, enumerable: false });
  return r;
}

export const results = {
  redirect: (location: string, status: 301 | 302 | 303 | 307 = 302): OperationResult => mark({ kind: 'redirect', location, status }),
  binary: (body: Readable | Buffer, contentType: string, headers?: Record<string, string>, status?: number): OperationResult =>
    mark({ kind: 'binary', body, contentType, headers, status }),
  empty: (status = 204): OperationResult => mark({ kind: 'empty', status }),
  json: (data: unknown, status: number, headers?: Record<string, string>): OperationResult => mark({ kind: 'json', data, status, headers }),
};
