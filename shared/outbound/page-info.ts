import type { Readable } from 'node:stream';
import { envInt } from '../config.js';
import { OutboundError } from './errors.js';
import { readHeadMetadata } from './html-head.js';
import { safeFetchStream } from './safe-fetch.js';

export interface PageInfo {
  /** The final URL, after redirects. */
  url: string;
  title?: string;
  description?: string;
  /** Absolute URL of the page's icon (default: /favicon.ico of the page's origin). HTML pages only. */
  favicon?: string;
  /** Absolute URL of the page's preview image (og:image); for an image URL, the image itself. */
  image?: string;
  isImage: boolean;
  /** Media type of the response, without parameters. */
  contentType: string;
}

export interface PageInfoOptions {
  /** How much of an HTML page is read looking for the end of its <head>. */
  maxHtmlBytes?: number;
  timeoutMs?: number;
}

const defaultMaxHtmlBytes = 512 * 1024;
const htmlTypes = new Set(['text/html', 'application/xhtml+xml']);

/** Describes a web page or media URL for link previews and remote URL resources. */
export async function getPageInfo(url: string, options: PageInfoOptions = {}): Promise<PageInfo> {
  const timeoutMs = options.timeoutMs ?? envInt('OUTBOUND_TIMEOUT_MS');
  // A whole-call limit: safeFetchStream alone only bounds each silence, and a page may trickle.
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new OutboundError('timeout', `page-info: the page was not read within ${timeoutMs} ms`)),
    timeoutMs,
  );
  try {
    return await describePage(url, options, deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function describePage(url: string, options: PageInfoOptions, signal: AbortSignal): Promise<PageInfo> {
  const answer = await safeFetchStream(url, {
    purpose: 'page-info',
    headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' },
    throwOnHttpError: true,
    // The body is never buffered beyond maxHtmlBytes: readHead stops there, and media bodies are not read.
    maxBytes: Number.MAX_SAFE_INTEGER,
    timeoutMs: options.timeoutMs,
    signal,
  });
  const contentTypeHeader = answer.headers['content-type'] ?? '';
  const contentType = mediaType(contentTypeHeader) || 'application/octet-stream';
  const base = { url: answer.url, contentType };

  if (!htmlTypes.has(contentType)) {
    answer.body.destroy();
    const isImage = contentType.startsWith('image/');
    return isImage ? { ...base, isImage, image: answer.url } : { ...base, isImage };
  }

  const head = await readHead(answer.body, options.maxHtmlBytes ?? defaultMaxHtmlBytes);
  const html = decode(head, charsetOf(contentTypeHeader) ?? sniffCharset(head));
  const metadata = readHeadMetadata(html);
  const baseUrl = absoluteUrl(metadata.base, answer.url) ?? answer.url;
  return {
    ...base,
    isImage: false,
    title: metadata.title,
    description: metadata.description,
    favicon: absoluteUrl(metadata.icon, baseUrl) ?? new URL('/favicon.ico', answer.url).href,
    image: absoluteUrl(metadata.image, baseUrl),
  };
}

export type RemoteUrlContentType = 'roomful#url' | 'remote#image' | 'remote#audio' | 'remote#video';

const streamingManifestTypes = new Set(['application/vnd.apple.mpegurl', 'application/x-mpegurl', 'application/dash+xml']);

/** The `metadata.contentType` of a remote URL resource, from the media type the URL answers with. */
export function classifyRemoteUrl(contentType: string | undefined): RemoteUrlContentType {
  const type = mediaType(contentType ?? '');
  if (type.startsWith('image/')) return 'remote#image';
  if (type.startsWith('audio/')) return 'remote#audio';
  if (type.startsWith('video/') || streamingManifestTypes.has(type)) return 'remote#video';
  return 'roomful#url';
}

function mediaType(header: string): string {
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

/** Reads the page up to the end of its <head> (or the start of <body>), at most `maxBytes`. */
async function readHead(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  let tail = '';
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    chunks.push(buffer);
    length += buffer.length;
    // The markers are ASCII, the same bytes in every ASCII-compatible charset; `tail` catches one split across chunks.
    const window = tail + buffer.toString('latin1');
    if (length >= maxBytes || /<\/head|<body/i.test(window)) break;
    tail = window.slice(-8);
  }
  body.destroy();
  return Buffer.concat(chunks).subarray(0, maxBytes);
}

function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

function sniffCharset(head: Buffer): string | undefined {
  const start = head.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(start)?.[1];
}

function decode(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Resolves a reference against a base, keeping only http(s) results. */
function absoluteUrl(reference: string | undefined, base: string): string | undefined {
  if (!reference?.trim()) return undefined;
  try {
    const url = new URL(reference.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
