import { extname } from 'node:path';
import { loadFileType } from './lazy.js';

export const UNKNOWN_CONTENT_TYPE = 'application/octet-stream';

/** How many leading bytes decide whether content is UTF-8 text. */
const TEXT_PROBE_BYTES = 8192;

/**
 * Text subtypes chosen by file name once the bytes are known to be text. Only inert types:
 * HTML, SVG and JavaScript stay text/plain so stored content never runs in a browser.
 */
const TEXT_TYPES_BY_EXTENSION: Record<string, string> = {
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
};

/**
 * The content type of `bytes`, decided from the bytes alone (magic numbers via file-type).
 * A client-declared type is never consulted. Content without a signature is
 * `text/plain; charset=utf-8` (or an inert subtype picked by `fileName`) when its start is
 * valid UTF-8 without control characters, `application/octet-stream` otherwise.
 */
export async function sniffContentType(bytes: Uint8Array, options: { fileName?: string } = {}): Promise<string> {
  const { fileTypeFromBuffer } = await loadFileType();
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return detected.mime;
  if (!looksLikeUtf8Text(bytes.subarray(0, TEXT_PROBE_BYTES))) return UNKNOWN_CONTENT_TYPE;
  const byName = options.fileName ? TEXT_TYPES_BY_EXTENSION[extname(options.fileName).toLowerCase()] : undefined;
  return `${byName ?? 'text/plain'}; charset=utf-8`;
}

/** The media type without parameters, lower-cased: `Text/Plain; charset=utf-8` -> `text/plain`. */
export function mimeEssence(contentType: string): string {
  return contentType.split(';', 1)[0].trim().toLowerCase();
}

function looksLikeUtf8Text(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  try {
    // stream: true tolerates a multi-byte character cut by the probe window.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  for (const byte of head) {
    const allowedControl = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x1b;
    if ((byte < 0x20 && !allowedControl) || byte === 0x7f) return false;
  }
  return true;
}
