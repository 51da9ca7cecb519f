/**
 * Decodes a header value that carries Unicode text (seed 003's `fileName`, `description`).
 * Clients send it percent-encoded UTF-8 (`encodeURIComponent`), or as raw UTF-8 bytes, which
 * Node hands over as one Latin-1 character per byte. Anything else is returned unchanged.
 */
export function decodeUnicodeHeader(value: string): string {
  if (/%[0-9a-fA-F]{2}/.test(value)) {
    try {
      return decodeURIComponent(value);
    } catch {
      // not percent-encoding after all: fall through
    }
  }
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(value) && /^[\x00-\xff]*$/.test(value)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1'));
    } catch {
      // Latin-1 text rather than UTF-8 bytes: keep it as it is
    }
  }
  return value;
}
