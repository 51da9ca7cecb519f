import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Readable, Transform, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { OutboundError } from './errors.js';

export interface BodyLimits {
  maxBytes: number;
  /** Redacted URL, for error messages. */
  url: string;
  /** Called for every chunk read (used to turn the timeout into an inactivity timeout while streaming). */
  onChunk?: () => void;
}

/**
 * The response body as a stream: decompressed (gzip, deflate, br), with `maxBytes` enforced on both
 * the received and the decompressed bytes while reading, so no more than the cap is ever held.
 * Returns the headers as the body is delivered (no content-encoding/content-length once decoded).
 */
export function limitedBody(res: IncomingMessage, limits: BodyLimits): { body: Readable; headers: IncomingHttpHeaders } {
  const headers = { ...res.headers };
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  const decoder = createDecoder(encoding);
  let source: Readable = res;
  if (decoder) {
    delete headers['content-encoding'];
    delete headers['content-length'];
    source = pipeline(res, byteCap(limits), decoder, () => undefined);
  }
  const body = Readable.from(capped(source, limits), { objectMode: false });
  body.once('close', () => {
    if (!res.complete) res.destroy();
  });
  return { body, headers };
}

/** Fails before reading when the announced length is already over the cap. */
export function checkAnnouncedLength(res: IncomingMessage, limits: BodyLimits): void {
  const announced = Number(res.headers['content-length']);
  if (!res.headers['content-encoding'] && Number.isFinite(announced) && announced > limits.maxBytes) {
    res.destroy();
    throw tooLarge(limits);
  }
}

function createDecoder(encoding: string | undefined): Transform | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

async function* capped(source: AsyncIterable<Buffer>, limits: BodyLimits): AsyncGenerator<Buffer> {
  let seen = 0;
  try {
    for await (const chunk of source) {
      seen += chunk.length;
      if (seen > limits.maxBytes) throw tooLarge(limits);
      limits.onChunk?.();
      yield chunk;
    }
  } catch (err) {
    // Errors thrown into the generator by destroy(reason) (timeouts, caller aborts) pass through unchanged.
    if (err instanceof OutboundError || (err instanceof Error && err.name === 'AbortError')) throw err;
    throw new OutboundError('network', `reading the response of ${limits.url} failed: ${(err as Error).message}`, { url: limits.url, cause: err });
  }
}

function byteCap(limits: BodyLimits): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limits.maxBytes ? tooLarge(limits) : null, chunk);
    },
  });
}

const tooLarge = (limits: BodyLimits) =>
  new OutboundError('too-large', `response of ${limits.url} is larger than ${limits.maxBytes} bytes`, { url: limits.url });
