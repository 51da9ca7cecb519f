import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { OutboundError } from './errors.js';

export interface BodyLimits {
  maxBytes: number;
  /** Redacted URL, for error messages. */
  url: string;
  /** Called for every chunk delivered (used to turn the timeout into an inactivity timeout while streaming). */
  onChunk?: () => void;
}

/**
 * The response body as a stream: decompressed (gzip, deflate, br), with `maxBytes` enforced on both
 * the received and the decompressed bytes while reading, so no more than the cap is ever held.
 * Destroying the returned stream destroys the response (and its socket). Errors it emits are OutboundErrors
 * (or the reason given to destroy()). Also returns the headers as the body is delivered (decoded: no
 * content-encoding/content-length).
 */
export function limitedBody(res: IncomingMessage, limits: BodyLimits): { body: Readable; headers: IncomingHttpHeaders } {
  const headers = { ...res.headers };
  const decoder = createDecoder(headers['content-encoding']?.trim().toLowerCase());
  const last = new ByteCap(limits, limits.onChunk);
  if (decoder) {
    delete headers['content-encoding'];
    delete headers['content-length'];
    return { body: pipeline(res, new ByteCap(limits), decoder, last, () => undefined), headers };
  }
  return { body: pipeline(res, last, () => undefined), headers };
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

/** Passes bytes through up to the cap; reports socket and decoding failures as OutboundErrors. */
class ByteCap extends Transform {
  private seen = 0;

  constructor(
    private readonly limits: BodyLimits,
    private readonly onChunk?: () => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limits.maxBytes) return callback(tooLarge(this.limits));
    this.onChunk?.();
    callback(null, chunk);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // Timeouts and caller aborts (destroy(reason)) pass through unchanged.
    if (error === null || error instanceof OutboundError || error.name === 'AbortError') return callback(error);
    callback(
      new OutboundError('network', `reading the response of ${this.limits.url} failed: ${error.message}`, {
        url: this.limits.url,
        cause: error,
      }),
    );
  }
}

const tooLarge = (limits: BodyLimits) =>
  new OutboundError('too-large', `response of ${limits.url} is larger than ${limits.maxBytes} bytes`, { url: limits.url });
