import type { eventChannels } from './operations.generated.js';
import type { ApiTypes } from './types.generated.js';

/** Names of the operations callable over HTTP (REST or JSON-RPC). */
export type HttpOperation = keyof ApiTypes['http'];
export type HttpRequest<N extends HttpOperation> = ApiTypes['http'][N]['request'];
export type HttpResponse<N extends HttpOperation> = ApiTypes['http'][N]['response'];

/** WebSocket endpoints: the forwarded operations and the relay's own (`auth`, `relay:recover`). */
export type WsEndpoint = keyof ApiTypes['websocket'];
export type WsRequest<E extends WsEndpoint> = ApiTypes['websocket'][E]['request'];
export type WsResponse<E extends WsEndpoint> = ApiTypes['websocket'][E]['response'];

/** Pushed by the relay when the socket lost access to a channel it had joined. */
export interface ChannelLeft {
  channel: string;
  reason: string;
}

export type EventPayloads = ApiTypes['events'] & { 'relay:channelLeft': ChannelLeft };
export type EventName = keyof EventPayloads;
export type EventPayload<E extends EventName> = EventPayloads[E];

/** The input argument: optional when the operation takes nothing or only optional fields. */
export type InputArgs<T> = Record<string, never> extends T ? [input?: T] : [input: T];

/** The channels an event is published on: `resource:updated` on `resource:{id}`, `chats:roomCreated` on `user:{id}`, ... */
export type ChannelOf<E extends EventName> = E extends keyof typeof eventChannels ? `${(typeof eventChannels)[E]}:${string}` : string;
