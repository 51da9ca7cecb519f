import { assertNoDrift, contracts } from './contract.js';

/**
 * Small HTTP client for end-to-end tests through the gateway. Every answer is checked against the
 * generated OpenAPI document (and `/ops/` answers against the AsyncAPI replies): drift throws.
 */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string | undefined): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const init: RequestInit = { method, headers: { ...headers }, redirect: 'manual' };
    if (this.token && !('x-session-id' in headers) && !('cookie' in headers))
      (init.headers as Record<string, string>).authorization = `Bearer ${this.token}`;
    if (body instanceof Uint8Array) init.body = body as unknown as BodyInit;
    else if (body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, init);
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    const { openApi, asyncApi } = contracts();
    assertNoDrift(
      path.startsWith('/ops/')
        ? asyncApi.checkOpsAnswer(decodeURIComponent(path.slice(5).split('?')[0]), parsed)
        : openApi.check(method, path, res.status, res.headers, parsed),
    );
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }

  put<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }

  delete<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  /** A WebSocket method call as the relay forwards it: POST /ops/{endpoint} with `{ data, event }`. */
  ops<T = unknown>(endpoint: string, data: unknown = {}) {
    return this.request<{
      data: T;
      error: { status: boolean; code: number; message: string };
      channels: { join: string[]; leave: string[] };
    }>('POST', `/ops/${endpoint}`, { data, event: { id: 'test', date: Date.now() } });
  }
}
