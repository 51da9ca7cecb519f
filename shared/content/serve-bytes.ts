import { contentDisposition } from '../http-headers/content-disposition.js';
import { results, type OperationResult } from '../registry/types.js';
import { decideRange, etagOf, matchesEtag } from './byte-ranges.js';
import { fileNameOf, type ContentLocation } from './locate.js';
import { objectVersion } from '../gcp/storage-objects.js';

export interface ConditionalHeaders {
  range?: string;
  ifNoneMatch?: string;
  ifRange?: string;
}

const FALLBACK_TYPE = 'application/octet-stream';

/**
 * Streams the located bytes from Cloud Storage: 200 with the whole content, 206 with one byte
 * range, 304 when `If-None-Match` names the current ETag, 416 (with `Content-Range: bytes *\/size`)
 * when no requested range is satisfiable. User content is served on the API's own origin, so it is
 * sandboxed (CSP) and never content-sniffed by browsers.
 */
export function serveBytes(location: ContentLocation, headers: ConditionalHeaders): OperationResult {
  const { object, source } = location;
  const etag = etagOf(object.generation);
  const contentType = object.contentType ?? FALLBACK_TYPE;
  const common: Record<string, string> = {
    ETag: etag,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Content-Disposition': contentDisposition('inline', fileNameOf(source)),
  };
  if (matchesEtag(headers.ifNoneMatch, etag)) return results.binary(Buffer.alloc(0), contentType, common, 304);

  const range = decideRange(headers.range, object.size, etag, headers.ifRange);
  if (range.kind === 'unsatisfiable') {
    const message = `the requested range is not satisfiable: the content has ${object.size} bytes`;
    return results.json({ error: { status: true, code: 416, message } }, 416, { 'Content-Range': `bytes */${object.size}` });
  }
  const { start, end } = range.kind === 'partial' ? range : { start: 0, end: object.size - 1 };
  const body = objectVersion(object).createReadStream({ start, end, validation: false, decompress: false });
  const length = { 'Content-Length': String(end - start + 1) };
  if (range.kind === 'full') return results.binary(body, contentType, { ...common, ...length });
  return results.binary(body, contentType, { ...common, ...length, 'Content-Range': `bytes ${start}-${end}/${object.size}` }, 206);
}
