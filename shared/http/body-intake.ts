import type { IncomingMessage, ServerResponse } from 'node:http';
import { envInt } from '../config.js';
import { badRequest, type ApiError, payloadTooLarge, unsupportedMediaType } from '../errors/api-error.js';
import { charsetOf, isJsonMediaType, mediaTypeOf } from './media-type.js';
import type { RouteInfo } from './route-registry.js';

/** What functions-framework's parsers would have set; our intake sets it instead. */
export interface ParsedRequest extends IncomingMessage {
  body?: unknown;
  rawBody?: Buffer;
}

interface Limit {
  bytes: number;
  refusal: () => ApiError;
}

function limitFor(route: RouteInfo): Limit {
  if (route.body === 'binary') {
    const bytes = envInt('MAX_UPLOAD_BYTES');
    return { bytes, refusal: () => payloadTooLarge(`the content is larger than the maximum of ${bytes} bytes (MAX_UPLOAD_BYTES)`) };
  }
  const bytes = envInt('MAX_JSON_BODY_BYTES');
  return { bytes, refusal: () => payloadTooLarge(`request body is larger than the maximum of ${bytes} bytes (MAX_JSON_BODY_BYTES)`) };
}

/** Reads the whole body, refusing it (413) as soon as it passes `limit` bytes. */
function readLimited(req: IncomingMessage, res: ServerResponse, limit: Limit): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit.bytes) {
        cleanup();
        req.pause();
        // the rest is never read: the connection closes after the answer
        res.setHeader('Connection', 'close');
        reject(limit.refusal());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function parseJson(raw: Buffer, req: IncomingMessage): unknown {
  const charset = charsetOf(req.headers);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    throw unsupportedMediaType(`charset ${charset} is not supported: send UTF-8 JSON`);
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    // JSON.parse's message quotes the input; the answer names the position only
    const position = /position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1];
    throw badRequest(`request body is not valid JSON${position ? ` (at position ${position})` : ''}`);
  }
}

/**
 * Reads a family route's body before functions-framework's body parsers (which then skip the
 * finished request): limits its size (MAX_JSON_BODY_BYTES, or MAX_UPLOAD_BYTES for uploads),
 * parses JSON for JSON bindings, and keeps the exact bytes in `rawBody`.
 */
export async function takeBody(req: ParsedRequest, res: ServerResponse, route: RouteInfo): Promise<void> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') throw unsupportedMediaType(`Content-Encoding ${encoding} is not supported`);
  const limit = limitFor(route);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit.bytes) {
    res.setHeader('Connection', 'close');
    throw limit.refusal();
  }
  const raw = await readLimited(req, res, limit);
  req.rawBody = raw;
  if (raw.length === 0) req.body = undefined;
  else if (route.body !== 'binary' && isJsonMediaType(mediaTypeOf(req.headers))) req.body = parseJson(raw, req);
  else req.body = raw;
}
