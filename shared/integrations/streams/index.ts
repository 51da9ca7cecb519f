/**
 * Stream sources of a URL, named the way streamlink names them (`720p`, `1500k`, `live`, `best`,
 * `worst`), for what can be known without streamlink's site plugins: HLS master and media
 * playlists, DASH manifests and direct audio/video files. Anything else has no stream sources.
 */
import type { Readable } from 'node:stream';
import { envInt } from '../../config.js';
import { unprocessable } from '../../errors/api-error.js';
import { OutboundError, outboundToApiError, safeFetchStream } from '../../outbound/index.js';
import { parseDashManifest, type DashRepresentation } from './dash.js';
import { parseHlsPlaylist, type HlsVariant } from './hls.js';

export type StreamInfo = {
  type: 'hls' | 'dash' | 'http';
  url: string;
};

export interface StreamSources {
  streams: Record<string, StreamInfo>;
  /** the streamlink plugin that would have answered: `hls`, `dash` or `http` */
  plugin: 'hls' | 'dash' | 'http';
}

const MANIFEST_MAX_BYTES = 2 * 1024 * 1024;
const HLS_TYPES = new Set(['application/vnd.apple.mpegurl', 'application/x-mpegurl', 'audio/mpegurl', 'audio/x-mpegurl']);
const DASH_TYPES = new Set(['application/dash+xml']);
const MEDIA_EXTENSIONS = /\.(mp4|m4v|mov|webm|mkv|ogv|mp3|m4a|aac|oga|ogg|opus|wav|flac)$/i;

export async function findStreamSources(url: string): Promise<StreamSources> {
  // A whole-call limit: a streamed body is otherwise only bounded by its longest silence.
  const timeoutMs = envInt('OUTBOUND_TIMEOUT_MS');
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new OutboundError('timeout', `stream-sources: ${url.slice(0, 200)} was not read within ${timeoutMs} ms`)),
    timeoutMs,
  );
  try {
    return await describeStreams(url, deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function describeStreams(url: string, signal: AbortSignal): Promise<StreamSources> {
  let answer;
  try {
    answer = await safeFetchStream(url, {
      signal,
      purpose: 'stream-sources',
      throwOnHttpError: true,
      // Media files are not read; manifests are read up to MANIFEST_MAX_BYTES below.
      maxBytes: Number.MAX_SAFE_INTEGER,
      headers: { accept: 'application/vnd.apple.mpegurl, application/dash+xml;q=0.9, */*;q=0.8' },
    });
  } catch (err) {
    throw outboundToApiError(err, { userSupplied: true, subject: 'url' });
  }
  const finalUrl = answer.url;
  const contentType = (answer.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const path = new URL(finalUrl).pathname.toLowerCase();

  const isMedia = (contentType.startsWith('video/') || contentType.startsWith('audio/')) && !HLS_TYPES.has(contentType);
  if (isMedia || (MEDIA_EXTENSIONS.test(path) && !isTextual(contentType))) {
    answer.body.destroy();
    return { plugin: 'http', streams: withAliases([['live', { type: 'http', url: finalUrl }]]) };
  }
  const text = await readText(answer.body);
  if (HLS_TYPES.has(contentType) || path.endsWith('.m3u8') || text.startsWith('#EXTM3U')) return hlsSources(text, finalUrl, url);
  if (DASH_TYPES.has(contentType) || path.endsWith('.mpd') || /<MPD[\s>]/.test(text.slice(0, 4096)))
    return dashSources(text, finalUrl, url);
  throw noStreams(url);
}

function hlsSources(text: string, playlistUrl: string, requested: string): StreamSources {
  const playlist = parseHlsPlaylist(text, playlistUrl);
  if (playlist.kind === 'invalid') throw noStreams(requested);
  if (playlist.kind === 'media') return { plugin: 'hls', streams: withAliases([['live', { type: 'hls', url: playlistUrl }]]) };
  const ranked = [...playlist.variants].sort(byQuality);
  return { plugin: 'hls', streams: withAliases(named(ranked, (v: HlsVariant) => ({ type: 'hls', url: v.url }))) };
}

/** Every DASH quality plays from the manifest itself; the player picks the representation by name. */
function dashSources(text: string, manifestUrl: string, requested: string): StreamSources {
  const representations = parseDashManifest(text);
  if (!representations || representations.length === 0) throw noStreams(requested);
  const video = representations.filter((r) => r.kind === 'video');
  const chosen = (video.length > 0 ? video : representations).sort(byQuality);
  const prefix = video.length > 0 ? '' : 'a';
  return { plugin: 'dash', streams: withAliases(named(chosen, () => ({ type: 'dash', url: manifestUrl }), prefix)) };
}

interface Quality {
  bandwidth: number;
  height?: number;
  frameRate?: number;
}

const byQuality = (a: Quality, b: Quality): number => (a.height ?? 0) - (b.height ?? 0) || a.bandwidth - b.bandwidth;

/** `720p`, `720p60` (above 30 fps), or `1500k` without a resolution; repeated names get `_alt`, `_alt2`, ... */
function named<T extends Quality | DashRepresentation>(
  ranked: T[],
  info: (item: T) => StreamInfo,
  prefix = '',
): Array<[string, StreamInfo, Quality]> {
  const seen = new Map<string, number>();
  return ranked.map((item) => {
    const base = item.height
      ? `${item.height}p${item.frameRate && item.frameRate > 30 ? Math.round(item.frameRate) : ''}`
      : `${prefix}${Math.round(item.bandwidth / 1000)}k`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return [count === 0 ? base : `${base}_alt${count === 1 ? '' : count}`, info(item), item];
  });
}

/**
 * Qualities in ascending order, plus `worst` and `best`; those two are chosen among the streams
 * with a picture when there are any (an audio-only variant is nobody's "worst video").
 */
function withAliases(ranked: Array<[string, StreamInfo, Quality?]>): Record<string, StreamInfo> {
  const streams: Record<string, StreamInfo> = Object.fromEntries(ranked.map(([name, info]) => [name, info]));
  const pictured = ranked.filter(([, , quality]) => quality?.height);
  const candidates = pictured.length > 0 ? pictured : ranked;
  streams.worst = candidates[0][1];
  streams.best = candidates[candidates.length - 1][1];
  return streams;
}

const isTextual = (contentType: string): boolean =>
  contentType.startsWith('text/') ||
  contentType.endsWith('xml') ||
  contentType.endsWith('json') ||
  HLS_TYPES.has(contentType) ||
  DASH_TYPES.has(contentType);

async function readText(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length > MANIFEST_MAX_BYTES) {
        body.destroy();
        throw unprocessable(`url answered with more than ${MANIFEST_MAX_BYTES} bytes and is not a stream manifest or media file`);
      }
    }
  } catch (err) {
    throw outboundToApiError(err, { userSupplied: true, subject: 'url' });
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

const noStreams = (url: string) => unprocessable(`no stream sources found at ${url.slice(0, 200)}`);
