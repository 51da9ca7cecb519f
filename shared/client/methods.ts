import type { HttpOperation, HttpRequest, HttpResponse, InputArgs, WsEndpoint, WsRequest, WsResponse } from './api-types.js';
import { httpMethodNames, wsMethodNames } from './methods.generated.js';

type NameTree = { readonly [key: string]: string | NameTree };

/** `http.resource.createMetadata(input)`, `http.getRoom(input)`: one method per HTTP or JSON-RPC operation. */
export type HttpMethods<T extends NameTree = typeof httpMethodNames> = {
  readonly [K in keyof T]: T[K] extends HttpOperation
    ? (...args: InputArgs<HttpRequest<T[K]>>) => Promise<HttpResponse<T[K]>>
    : T[K] extends NameTree
      ? HttpMethods<T[K]>
      : never;
};

/** `rt.resource.get(input)`, `rt.relay.recover(input)`: one method per WebSocket endpoint (`auth` is connect/refreshToken). */
export type WsMethods<T extends NameTree = typeof wsMethodNames> = {
  readonly [K in keyof T]: T[K] extends WsEndpoint
    ? (...args: InputArgs<WsRequest<T[K]>>) => Promise<WsResponse<T[K]>>
    : T[K] extends NameTree
      ? WsMethods<T[K]>
      : never;
};

type Caller = (name: string, input: unknown) => Promise<unknown>;

function methodsOf(tree: NameTree, call: Caller): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === 'string' ? (input?: unknown) => call(value, input) : methodsOf(value, call),
    ]),
  );
}

/** Puts the generated methods on a client instance; a name its class already uses is a generator bug, refused loudly. */
export function installMethods(target: object, which: 'http' | 'websocket', call: Caller): void {
  const methods = methodsOf(which === 'http' ? httpMethodNames : wsMethodNames, call);
  for (const key of Object.keys(methods))
    if (key in target) throw new Error(`the generated method ${key} would hide a member of the client`);
  Object.assign(target, methods);
}
