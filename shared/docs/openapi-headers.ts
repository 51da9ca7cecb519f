import type { DocumentedHeader } from '../registry/types.js';

type HeaderName = DocumentedHeader | 'Location' | 'Content-Range' | 'Accept-Ranges';

const descriptions: Record<HeaderName, string> = {
  Location: 'where the bytes are: a signed URL, valid SIGNED_URL_TTL_SECONDS',
  'Content-Range': '`bytes start-end/size` of the part served (`bytes */size` on 416)',
  'Accept-Ranges': '`bytes`: single byte ranges are served',
  ETag: 'version of the bytes; send it back in If-None-Match to revalidate (304)',
  'Content-Disposition': '`inline` or `attachment` with the file name',
  'Cache-Control': 'how long the answer may be cached',
  Vary: 'request headers the answer depends on',
  'Content-Length': 'size of the body in bytes',
  'Last-Modified': 'when the bytes last changed',
};

/** Response header objects of the OpenAPI document, by name. */
export function headerObjects(names: HeaderName[]): Record<string, unknown> | undefined {
  if (names.length === 0) return undefined;
  return Object.fromEntries(
    [...new Set(names)].map((name) => [
      name,
      { description: descriptions[name], schema: { type: 'string' }, ...(name === 'Location' ? { required: true } : {}) },
    ]),
  );
}

/** Canonical spelling of request headers the transports read (bindings declare them lower-cased). */
export function requestHeaderName(header: string): string {
  const standard: Record<string, string> = { range: 'Range', 'if-none-match': 'If-None-Match', 'if-range': 'If-Range' };
  return standard[header] ?? header;
}
