/**
 * The typed client of this API, for browsers and Node: `HttpClient` (every REST and JSON-RPC
 * operation) and `RealtimeClient` (the WebSocket relay). Import it as `rooms-content-backend/client`.
 */
export { HttpClient, type HttpClientOptions } from './http.js';
export { RealtimeClient, type ConnectionState, type EventMeta, type RealtimeOptions, type Subscription } from './realtime.js';
export { ApiCallError, CallTimeoutError, ConnectionLostError } from './errors.js';
export { backoffDelay, type BackoffOptions } from './backoff.js';
export type { SocketConstructor, SocketLike } from './socket-transport.js';
export type { TokenProvider } from './token.js';
export type { BinaryAnswer, BinaryBody } from './binary.js';
export type { HttpMethods, WsMethods } from './methods.js';
export type {
  ChannelLeft,
  ChannelOf,
  EventName,
  EventPayload,
  HttpOperation,
  HttpRequest,
  HttpResponse,
  WsEndpoint,
  WsRequest,
  WsResponse,
} from './api-types.js';
export type { ApiTypes } from './types.generated.js';

import { HttpClient } from './http.js';
import { RealtimeClient, type RealtimeOptions } from './realtime.js';
import type { TokenProvider } from './token.js';

/** Both clients for one base URL and token: `http` for HTTP calls, `realtime` for the socket on `/ws`. */
export function createClient(options: { baseUrl: string; token?: TokenProvider; realtime?: Omit<RealtimeOptions, 'url' | 'token'> }): {
  http: HttpClient;
  realtime: RealtimeClient;
} {
  const wsUrl = new URL('/ws', options.baseUrl);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    http: new HttpClient({ baseUrl: options.baseUrl, token: options.token }),
    realtime: new RealtimeClient({ ...options.realtime, url: wsUrl.href, token: options.token ?? '' }),
  };
}
