import type { HttpOperation, HttpRequest, HttpResponse, InputArgs } from './api-types.js';
import type { BinaryAnswer, BinaryBody, HttpBindingInfo, OperationInfo } from './binary.js';
import { ApiCallError } from './errors.js';
import { installMethods, type HttpMethods } from './methods.js';
import { httpOperations } from './operations.generated.js';
import { currentToken, type TokenProvider } from './token.js';

export interface HttpClientOptions {
  /** the API's base URL, e.g. http://127.0.0.1:8080 */
  baseUrl: string;
  /** sent as `Authorization: Bearer` (never in a URL) */
  token?: TokenProvider;
  /** defaults to the global fetch */
  fetch?: typeof fetch;
  /** sent with every request */
  headers?: Record<string, string>;
}

type Input = Record<string, unknown>;

const pathParams = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);

/** The binding whose path parameters the input fills, preferring the one that uses most of them. */
function chooseBinding(name: string, bindings: HttpBindingInfo[], input: Input): HttpBindingInfo {
  const usable = bindings.filter((b) => pathParams(b.path).every((p) => input[p] !== undefined && input[p] !== null));
  if (usable.length === 0) {
    const missing = pathParams(bindings[0].path).filter((p) => input[p] === undefined);
    throw new TypeError(`${name}: missing ${missing.join(', ')} (part of the path ${bindings[0].path})`);
  }
  return usable.sort((a, b) => pathParams(b.path).length - pathParams(a.path).length)[0];
}

function appendQuery(url: URL, fields: Input): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value])
      url.searchParams.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
}

function binaryBody(content: BinaryBody): { body: BodyInit; type: string } {
  if (typeof content === 'string') return { body: content, type: 'text/plain' };
  if (content instanceof Blob) return { body: content, type: content.type || 'application/octet-stream' };
  return { body: content as BodyInit, type: 'application/octet-stream' };
}

async function errorOf(res: Response, operation: string, info: OperationInfo): Promise<ApiCallError> {
  const text = await res.text();
  let body: { message?: unknown; traceId?: unknown; error?: { message?: unknown } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON: the status text says what went wrong
  }
  const message = info.style === 'chats' ? body.message : (body.error?.message ?? body.message);
  const traceId = typeof body.traceId === 'string' ? body.traceId : undefined;
  return new ApiCallError(res.status, typeof message === 'string' ? message : text || res.statusText, operation, traceId);
}

/**
 * Typed calls of every HTTP (REST) and JSON-RPC operation: a method per operation
 * (`http.resource.createMetadata(input)`, `http.getRoom(input)`), or `call(name, input)`, with the
 * same input object the operation's request schema describes (path, query, headers and body
 * fields together); the client puts each field where the binding wants it.
 */
class HttpCalls {
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: HttpClientOptions) {
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
    installMethods(this, 'http', (name, input) => this.call(name as HttpOperation, input as never));
  }

  /** Answers the operation's data; throws ApiCallError with the seed's code and message. */
  async call<N extends HttpOperation>(name: N, ...args: InputArgs<HttpRequest<N>>): Promise<HttpResponse<N>> {
    const info = httpOperations[name];
    if (!info) throw new TypeError(`unknown operation ${name}`);
    const input = { ...((args[0] ?? {}) as Input) };
    const res = await this.send(name, info, input);
    if (!res.ok && res.status !== 304) throw await errorOf(res, name, info);
    if (info.jsonRpc && !info.http) {
      const answer = (await res.json()) as { data: unknown };
      return answer.data as HttpResponse<N>;
    }
    if (info.binary) return (await this.binaryAnswer(res)) as HttpResponse<N>;
    if (res.status === 204 || res.status === 304) return undefined as HttpResponse<N>;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as HttpResponse<N>;
  }

  private async binaryAnswer(res: Response): Promise<BinaryAnswer> {
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      headers: res.headers,
      bytes: new Uint8Array(await res.arrayBuffer()),
      url: res.url,
    };
  }

  private async send(name: string, info: OperationInfo, input: Input): Promise<Response> {
    const headers: Record<string, string> = { ...this.options.headers };
    const token = await currentToken(this.options.token);
    if (token) headers.authorization = `Bearer ${token}`;
    if (!info.http) {
      headers['content-type'] = 'application/json';
      return this.fetchFn(new URL(info.jsonRpc!, this.options.baseUrl), { method: 'POST', headers, body: JSON.stringify(input) });
    }
    const binding = chooseBinding(name, info.http, input);
    const path = binding.path.replace(/\{([^}]+)\}/g, (_, p: string) => {
      const value = encodeURIComponent(String(input[p]));
      delete input[p];
      return value;
    });
    for (const [header, property] of Object.entries(info.headers ?? {})) {
      if (input[property] !== undefined) headers[header] = String(input[property]);
      delete input[property];
    }
    const url = new URL(path, this.options.baseUrl);
    const init: RequestInit = { method: binding.method, headers };
    if (binding.body === 'binary') {
      const { body, type } = binaryBody(input.content as BinaryBody);
      delete input.content;
      headers['content-type'] ??= type;
      init.body = body;
      appendQuery(url, input);
    } else if (binding.body === 'json') {
      headers['content-type'] = 'application/json';
      if (info.bodyProperty) {
        init.body = JSON.stringify(input[info.bodyProperty] ?? []);
        delete input[info.bodyProperty];
        appendQuery(url, input);
      } else {
        init.body = JSON.stringify(input);
      }
    } else {
      appendQuery(url, input);
    }
    return this.fetchFn(url, init);
  }
}

export type HttpClient = HttpCalls & HttpMethods;
export const HttpClient = HttpCalls as new (options: HttpClientOptions) => HttpClient;
