/** Which body an HTTP binding takes, and which error envelope its answers use. */
export interface RouteInfo {
  body: 'json' | 'binary' | 'none';
  /** `chats`: `{ traceId, message }`; `resource`: `{ error }`; `jsonRpc`: `{ data: null, error }`; `ops`: `{ data: null, error, channels }` */
  envelope: 'chats' | 'resource' | 'jsonRpc' | 'ops';
}

export type RouteResolver = (method: string, path: string) => RouteInfo | undefined;

const resolvers: RouteResolver[] = [];

/** Each family handler registers how its paths are bound; requests are matched before functions-framework parses their bodies. */
export function registerRoutes(resolver: RouteResolver): void {
  resolvers.push(resolver);
}

export function resolveRoute(method: string, path: string): RouteInfo | undefined {
  for (const resolver of resolvers) {
    const route = resolver(method, path);
    if (route) return route;
  }
  return undefined;
}
