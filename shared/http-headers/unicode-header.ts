import { badRequest } from '../errors/api-error.js';

/**
 * Seed 003's `fileName` and `description` headers carry Unicode text written entirely as
 * backslash-u escapes, as its reference system requires: `\u0070\u0065` is "pe". Each escape is
 * `\u` (or `\U`) and four hex digits (UTF-16 code units; surrogate pairs make one character) or
 * `\u{...}` with one to six hex digits (a code point). The empty string is the empty text.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ESCAPE = /\\[uU](?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]{1,6})\})/y;

/** The text of an escaped header value; 400 naming `field` for anything that is not escapes only. */
export function decodeUnicodeHeader(value: string, field: string): string {
  const invalid = (why: string) =>
    badRequest(`${field} must be written as backslash-u escapes (e.g. \\u0061\\u002e\\u0074\\u0078\\u0074 for a.txt): ${why}`);
  let text = '';
  ESCAPE.lastIndex = 0;
  while (ESCAPE.lastIndex < value.length) {
    const at = ESCAPE.lastIndex;
    const match = ESCAPE.exec(value);
    if (!match) throw invalid(`no valid escape at position ${at}`);
    if (match[1] !== undefined) {
      text += String.fromCharCode(parseInt(match[1], 16));
    } else {
      const codePoint = parseInt(match[2], 16);
      if (codePoint > 0x10ffff) throw invalid(`U+${match[2].toUpperCase()} is not a Unicode character`);
      text += String.fromCodePoint(codePoint);
    }
  }
  if (LONE_SURROGATE.test(text)) throw invalid('a surrogate code unit is not part of a pair');
  return text;
}

/** The escaped form of a text, as clients send it in these headers (four hex digits per UTF-16 code unit). */
export function encodeUnicodeHeader(text: string): string {
  let escaped = '';
  for (let i = 0; i < text.length; i++) escaped += `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return escaped;
}
