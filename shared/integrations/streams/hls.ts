/** Reads an HLS playlist (RFC 8216): the variant streams of a master playlist, or that it is a media playlist. */

export interface HlsVariant {
  /** absolute URL of the variant's media playlist */
  url: string;
  bandwidth: number;
  width?: number;
  height?: number;
  frameRate?: number;
}

export type HlsPlaylist = { kind: 'master'; variants: HlsVariant[] } | { kind: 'media' } | { kind: 'invalid' };

export function parseHlsPlaylist(text: string, playlistUrl: string): HlsPlaylist {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim());
  if (lines[0] !== '#EXTM3U') return { kind: 'invalid' };
  const variants: HlsVariant[] = [];
  let pending: Record<string, string> | undefined;
  let media = false;
  for (const line of lines.slice(1)) {
    if (!line) continue;
    if (line.startsWith('#EXT-X-STREAM-INF:')) pending = parseAttributes(line.slice('#EXT-X-STREAM-INF:'.length));
    else if (line.startsWith('#EXTINF:') || line.startsWith('#EXT-X-TARGETDURATION:')) media = true;
    else if (!line.startsWith('#') && pending) {
      const variant = toVariant(pending, line, playlistUrl);
      if (variant) variants.push(variant);
      pending = undefined;
    }
  }
  if (variants.length > 0) return { kind: 'master', variants };
  return media ? { kind: 'media' } : { kind: 'invalid' };
}

function toVariant(attributes: Record<string, string>, uri: string, playlistUrl: string): HlsVariant | undefined {
  let url: URL;
  try {
    url = new URL(uri, playlistUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const variant: HlsVariant = { url: url.href, bandwidth: Number(attributes.BANDWIDTH) || 0 };
  const resolution = /^(\d+)x(\d+)$/i.exec(attributes.RESOLUTION ?? '');
  if (resolution) {
    variant.width = Number(resolution[1]);
    variant.height = Number(resolution[2]);
  }
  const frameRate = Number(attributes['FRAME-RATE']);
  if (frameRate > 0) variant.frameRate = frameRate;
  return variant;
}

/** `NAME=value,NAME="quoted, value",...` (section 4.2). */
export function parseAttributes(list: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([A-Z0-9-]+)=("[^"]*"|[^,]*)(?:,|$)/g;
  for (const match of list.matchAll(pattern)) {
    const value = match[2];
    attributes[match[1]] = value.startsWith('"') ? value.slice(1, -1) : value.trim();
  }
  return attributes;
}
