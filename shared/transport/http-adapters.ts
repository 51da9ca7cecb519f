import { Readable } from 'node:stream';
import type { Request, Response } from '@google-cloud/functions-framework';
import { ApiError, badRequest, toApiError } from '../errors/api-error.js';
import { log } from '../log.js';
import type { AnyOperation, BinaryContent, OperationResult } from '../registry/types.js';
import { appendHeaderToken } from '../http/cors.js';
import { refuseCrossSiteCookieRequest, requireJsonBody } from '../http/csrf.js';
import { coerceStringValues } from '../validation/coerce.js';
import { errorEnvelope, OK, restErrorBody } from './envelopes.js';
import { invoke, requestIdFrom } from './invoke.js';

type Params = Record<string, string | undefined>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function report(err: unknown, op: AnyOperation, requestId: string): ApiError {
  const apiError = toApiError(err);
  if (apiError.status >= 500) log.error('operation failed', { err, operation: op.name, requestId });
  return apiError;
}

function binaryContent(req: Request): BinaryContent {
  // rawBody holds the bytes exactly as sent, even where functions-framework parsed text/* or JSON.
  const raw = req.rawBody ?? (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
  const length = req.headers['content-length'];
  return {
    stream: Readable.from([raw]),
    declaredType: req.headers['content-type'],
    declaredLength: length === undefined ? undefined : Number(length),
  };
}

function decodedParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest('malformed percent-encoding in the URL');
  }
}

/**
 * The query parameters an operation reads. Only GETs take any (a query string never supplies body
 * fields of POST/PUT/DELETE); byte-serving GETs drop those they do not use (`?v=17` cache busters).
 */
function queryInput(op: AnyOperation, req: Request): Record<string, unknown> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return {};
  const query = { ...(req.query as Record<string, unknown>) };
  if (!op.produces) return query;
  const declared = (op.request.properties as Record<string, unknown> | undefined) ?? {};
  for (const name of Object.keys(query)) if (!(name in declared)) delete query[name];
  return query;
}

/** Path params, query, JSON body fields and declared headers merged into one input object. */
function restInput(op: AnyOperation, req: Request, params: Params): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const kind = op.rest?.body ?? (req.method === 'GET' || req.method === 'DELETE' ? 'none' : 'json');
  refuseCrossSiteCookieRequest(req);
  if (kind === 'json') requireJsonBody(req);
  if (kind === 'json' && req.body !== undefined && !(Buffer.isBuffer(req.body) && req.body.length === 0)) {
    if (isPlainObject(req.body)) Object.assign(input, req.body);
    else if (op.rest?.bodyProperty && Array.isArray(req.body)) input[op.rest.bodyProperty] = req.body;
    else if (Buffer.isBuffer(req.body) || typeof req.body === 'string')
      throw badRequest('request body must be JSON (Content-Type: application/json)');
    else if (op.rest?.bodyProperty) input[op.rest.bodyProperty] = req.body;
    else throw badRequest('request body must be a JSON object');
  }
  if (kind === 'binary') input.content = binaryContent(req);
  for (const [header, property] of Object.entries(op.rest?.headers ?? {})) {
    const value = req.headers[header];
    if (value !== undefined) input[property] = Array.isArray(value) ? value[0] : value;
  }
  const strings: Record<string, unknown> = queryInput(op, req);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) strings[name] = decodedParam(value);
  return Object.assign(input, coerceStringValues(op.request, strings));
}

/** Sets a handler's header; `Vary` keeps the tokens already set (`Origin`). */
function setResultHeader(res: Response, name: string, value: string): void {
  if (name.toLowerCase() === 'vary') appendHeaderToken(res, 'Vary', value);
  else res.setHeader(name, value);
}

function sendResult(res: Response, result: OperationResult): void {
  switch (result.kind) {
    case 'redirect':
      res.redirect(result.status ?? 302, result.location);
      return;
    case 'empty':
      res.status(result.status ?? 204).end();
      return;
    case 'json':
      res.status(result.status);
      for (const [name, value] of Object.entries(result.headers ?? {})) setResultHeader(res, name, value);
      res.json(result.data);
      return;
    case 'binary': {
      // setHeader, not express's set(): set() appends a charset to text/* types the bytes may not be in.
      res.status(result.status ?? 200);
      for (const [name, value] of Object.entries({ 'Content-Type': result.contentType, ...result.headers }))
        setResultHeader(res, name, value);
      if (Buffer.isBuffer(result.body)) {
        res.end(result.body);
        return;
      }
      result.body.on('error', (err) => {
        log.error('stream failed while responding', { err });
        res.destroy(err);
      });
      result.body.pipe(res);
      return;
    }
  }
}

export async function handleRest(op: AnyOperation, req: Request, res: Response, params: Params): Promise<void> {
  const requestId = requestIdFrom(req.headers);
  try {
    const outcome = await invoke(op, req.headers, restInput(op, req, params), requestId);
    if (outcome.result) return sendResult(res, outcome.result);
    const status = op.successStatus ?? 200;
    if (status === 204 || outcome.value === undefined) res.status(status === 200 ? 204 : status).end();
    else res.status(status).json(outcome.value);
  } catch (err) {
    const apiError = report(err, op, requestId);
    res.status(apiError.status).json(restErrorBody(op.restStyle ?? 'resource', apiError, requestId));
  }
}

/** JSON-RPC over HTTP POST: `{ data, error }`, HTTP status equal to the error code. */
export async function handleJsonRpc(op: AnyOperation, req: Request, res: Response): Promise<void> {
  const requestId = requestIdFrom(req.headers);
  try {
    refuseCrossSiteCookieRequest(req);
    requireJsonBody(req);
    const body = req.body === undefined || (Buffer.isBuffer(req.body) && req.body.length === 0) ? {} : req.body;
    if (!isPlainObject(body)) throw badRequest('request body must be a JSON object');
    const outcome = await invoke(op, req.headers, { ...body }, requestId);
    res.status(200).json({ data: outcome.value ?? {}, error: OK });
  } catch (err) {
    const apiError = report(err, op, requestId);
    res.status(apiError.status).json({ data: null, error: errorEnvelope(apiError) });
  }
}

/**
 * The relay's forward of a WebSocket call: body `{ data, event }`, the caller's token in the
 * headers; answers `{ data, error, channels }` with the HTTP status equal to the error code.
 */
export async function handleOps(op: AnyOperation, req: Request, res: Response): Promise<void> {
  const requestId = requestIdFrom(req.headers);
  try {
    refuseCrossSiteCookieRequest(req);
    requireJsonBody(req);
    if (!isPlainObject(req.body)) throw badRequest('call body must be a JSON object { data, event }');
    const data = req.body.data ?? {};
    if (!isPlainObject(data)) throw badRequest('data must be an object');
    const outcome = await invoke(op, req.headers, { ...data }, requestId);
    if (outcome.result && outcome.result.kind !== 'json') throw new ApiError(400, `${op.name} has no WebSocket answer`);
    res.status(200).json({ data: outcome.value ?? {}, error: OK, channels: outcome.channels });
  } catch (err) {
    const apiError = report(err, op, requestId);
    res.status(apiError.status).json({ data: null, error: errorEnvelope(apiError), channels: { join: [], leave: [] } });
  }
}
