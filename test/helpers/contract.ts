/**
 * The drift check: every HTTP answer and WebSocket frame the end-to-end tests see is checked
 * against the generated /openapi.json and /asyncapi.json. ApiClient and TestSocket call it, so a
 * test that gets an answer the documents do not describe fails.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import FindMyWay from 'find-my-way';
import { buildAsyncApi, eventKey, messageKey } from '../../shared/docs/asyncapi.js';
import { buildOpenApi } from '../../shared/docs/openapi.js';
import { families } from '../../functions/catalog.js';
import type { Family } from '../../shared/registry/family.js';
import { toRouterPath } from '../../shared/transport/family-handler.js';

type Json = Record<string, unknown>;
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
/** Headers whose presence a client relies on: answering one the document does not declare is drift. */
const WATCHED_HEADERS = ['location', 'content-range', 'etag', 'content-disposition'];

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats.default(ajv);
  return ajv;
}

function mediaMatches(declared: string, actual: string): boolean {
  if (declared === '*/*' || declared === actual) return true;
  return declared.endsWith('/*') && actual.startsWith(declared.slice(0, -1));
}

export class OpenApiContract {
  private readonly ajv = newAjv();
  private readonly router = FindMyWay<FindMyWay.HTTPVersion.V1>({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Json) {
    this.ajv.addSchema(doc, 'openapi.json');
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const method of Object.keys(item)) this.router.on(method.toUpperCase() as FindMyWay.HTTPMethod, toRouterPath(path), () => path);
    }
  }

  /** Problems of one answer; an empty list when the document describes it (or does not document the path at all). */
  check(method: string, url: string, status: number, headers: Headers, body: unknown): string[] {
    const pathname = new URL(url, 'http://x').pathname;
    const match = this.router.find(method as FindMyWay.HTTPMethod, pathname);
    if (!match) return [];
    const path = (match.handler as unknown as () => string)();
    const operation = (this.doc.paths as Record<string, Record<string, Json>>)[path][method.toLowerCase()];
    const where = `${method} ${path} answered ${status}`;
    const responses = operation.responses as Record<string, Json>;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key)
      return [`${where}, which ${operation.operationId as string} does not declare (declared: ${Object.keys(responses).join(', ')})`];
    const response = responses[key];
    const problems: string[] = [];
    const declaredHeaders = Object.keys((response.headers as Json | undefined) ?? {}).map((h) => h.toLowerCase());
    for (const [name, header] of Object.entries((response.headers as Record<string, Json> | undefined) ?? {})) {
      if (header.required && !headers.has(name)) problems.push(`${where} without its required ${name} header`);
    }
    if (status < 400) {
      for (const name of WATCHED_HEADERS)
        if (headers.has(name) && !declaredHeaders.includes(name)) problems.push(`${where} with an undeclared ${name} header`);
    }
    const content = response.content as Record<string, Json> | undefined;
    const empty = body === undefined || (Buffer.isBuffer(body) && body.length === 0);
    if (!content) {
      // a redirect's body is a courtesy text no client reads; 204 and 304 must have none
      if (!empty && !(status >= 300 && status < 400 && status !== 304))
        problems.push(`${where} with a body, where the document declares none`);
      return problems;
    }
    const type = (headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const mediaType = Object.keys(content).find((declared) => mediaMatches(declared, type));
    if (!mediaType) return [...problems, `${where} with Content-Type "${type}", not one of ${Object.keys(content).join(', ')}`];
    if (mediaType !== 'application/json' || Buffer.isBuffer(body)) return problems;
    const ref = `openapi.json#/${pointer('paths', path, method.toLowerCase(), 'responses', key, 'content', mediaType, 'schema')}`;
    let validate = this.validators.get(ref);
    if (!validate) this.validators.set(ref, (validate = this.ajv.compile({ $ref: ref })));
    if (!validate(body))
      problems.push(
        `${where} with a body its schema rejects: ${this.ajv.errorsText(validate.errors)} ${JSON.stringify(body).slice(0, 300)}`,
      );
    return problems;
  }
}

export class AsyncApiContract {
  private readonly ajv = newAjv();
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(private readonly doc: Json) {
    this.ajv.addSchema(doc, 'asyncapi.json');
  }

  private validator(channel: string, message: string): ValidateFunction | null {
    const ref = `asyncapi.json#/${pointer('channels', channel, 'messages', message, 'payload')}`;
    if (!this.validators.has(ref)) {
      const channels = this.doc.channels as Record<string, { messages: Json }>;
      this.validators.set(ref, channels[channel]?.messages[message] ? this.ajv.compile({ $ref: ref }) : null);
    }
    return this.validators.get(ref)!;
  }

  private eventValidator(endpoint: string): ValidateFunction | null {
    for (const [name, channel] of Object.entries(this.doc.channels as Record<string, { messages: Json }>)) {
      if (eventKey(endpoint) in channel.messages) return this.validator(name, eventKey(endpoint));
    }
    return null;
  }

  /** Problems of one frame the relay sent. */
  checkFrame(frame: Json): string[] {
    const endpoint = typeof frame.endpoint === 'string' ? frame.endpoint : null;
    if (frame.type === 'event') {
      const validate = endpoint && this.eventValidator(endpoint);
      if (!validate) return [`event frame ${String(endpoint)} is not in the AsyncAPI document`];
      return validate(frame)
        ? []
        : [`event frame ${endpoint}: ${this.ajv.errorsText(validate.errors)} ${JSON.stringify(frame).slice(0, 300)}`];
    }
    if (frame.type !== 'response') return [`frame of unknown type ${String(frame.type)}`];
    const validate = (endpoint && this.validator('socket', `${messageKey(endpoint)}.response`)) || this.validator('socket', 'callError');
    if (!validate) return [];
    return validate(frame)
      ? []
      : [`reply frame ${String(endpoint)}: ${this.ajv.errorsText(validate.errors)} ${JSON.stringify(frame).slice(0, 300)}`];
  }

  /** `POST /ops/{endpoint}` answers are the relay's replies before it adds type, endpoint and event. */
  checkOpsAnswer(endpoint: string, body: unknown): string[] {
    if (!this.validator('socket', `${messageKey(endpoint)}.response`)) return [];
    const answer = body as Json;
    return this.checkFrame({ type: 'response', endpoint, event: { id: 'test', date: 0 }, data: answer?.data, error: answer?.error });
  }
}

const cache = new Map<Family[], { openApi: OpenApiContract; asyncApi: AsyncApiContract }>();

/** The contracts of the given families (default: the deployed catalog), built once per test file. */
export function contracts(of: Family[] = families): { openApi: OpenApiContract; asyncApi: AsyncApiContract } {
  let built = cache.get(of);
  if (!built) {
    built = {
      openApi: new OpenApiContract(buildOpenApi(of, 'http://127.0.0.1')),
      asyncApi: new AsyncApiContract(buildAsyncApi(of, 'ws://127.0.0.1')),
    };
    cache.set(of, built);
  }
  return built;
}

export class ContractDrift extends Error {
  override name = 'ContractDrift';
}

/** Throws when an answer or frame drifted from the documents. */
export function assertNoDrift(problems: string[]): void {
  if (problems.length > 0) throw new ContractDrift(`answer does not match the API documents:\n  ${problems.join('\n  ')}`);
}
