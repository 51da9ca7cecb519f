import { probeAudio, type AudioTags } from './audio.js';
import { probeImage } from './image.js';
import { renderFirstPage } from './pdf.js';
import { mimeEssence, sniffContentType } from './sniff.js';
import { withTempFile } from './tools.js';
import type { Dimensions, Geolocation } from './types.js';
import { extractFirstFrame, probeVideo } from './video.js';

/** Image types the thumbnailer (sharp's prebuilt libvips) decodes. */
const DECODABLE_IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff']);

/** Audio type of a container sniffed as video that turns out to hold no video stream. */
const AUDIO_ONLY_TYPES: Record<string, string> = {
  'video/mp4': 'audio/mp4',
  'video/webm': 'audio/webm',
  'video/ogg': 'audio/ogg',
  'video/x-matroska': 'audio/x-matroska',
};

/** The resource `data.video` structure. */
export interface VideoData {
  duration?: number;
  durationFloat?: number;
  hasAlphaChannel: boolean;
}

export interface ExtractedMetadata {
  /** Sniffed from the bytes, never taken from the client. */
  contentType: string;
  dimensions?: Dimensions;
  geolocation?: Geolocation;
  audio?: AudioTags;
  video?: VideoData;
  /** PDF page count. */
  pageCount?: number;
  /** Image to make thumbnails from (makeThumbnail); absent when the content has no picture. */
  thumbnailSource?: Buffer;
}

export interface ExtractOptions {
  /** The uploaded file name: only refines the subtype of plain-text content. */
  fileName?: string;
}

/**
 * Everything the processing job records about uploaded content: the sniffed type and, per kind,
 * dimensions, orientation and EXIF geolocation (images), duration and first frame (video), tags
 * and cover art (audio), page count and first-page render (PDF). Content of any other type
 * yields its content type only. Content that claims a handled type but does not decode fails
 * with a MediaError.
 */
export async function extractMetadata(input: Buffer, options: ExtractOptions = {}): Promise<ExtractedMetadata> {
  const contentType = await sniffContentType(input, options);
  const essence = mimeEssence(contentType);
  if (DECODABLE_IMAGE_TYPES.has(essence)) return { contentType, ...(await fromImage(input)) };
  if (essence.startsWith('video/')) return { contentType, ...(await fromVideo(input, essence)) };
  if (essence.startsWith('audio/')) return { contentType, ...(await fromAudio(input, essence)) };
  if (essence === 'application/pdf') return { contentType, ...(await fromPdf(input)) };
  return { contentType };
}

/** What a kind adds; `contentType` only when the contents refine the sniffed type. */
type Extracted = Partial<ExtractedMetadata>;

async function fromImage(input: Buffer): Promise<Extracted> {
  const info = await probeImage(input);
  return {
    dimensions: { width: info.width, height: info.height, orientation: info.orientation },
    ...(info.geolocation ? { geolocation: info.geolocation } : {}),
    thumbnailSource: input,
  };
}

async function fromVideo(input: Buffer, essence: string): Promise<Extracted> {
  return withTempFile(input, 'input', async (path) => {
    const info = await probeVideo(path);
    if (!info.hasVideo) {
      if (!info.hasAudio) return {};
      const audioType = AUDIO_ONLY_TYPES[essence] ?? essence;
      return { contentType: audioType, ...(await fromAudio(input, audioType)) };
    }
    const frame = await extractFirstFrame(path, { format: 'png', info });
    const video: VideoData = { hasAlphaChannel: info.hasAlphaChannel };
    if (info.duration !== undefined) Object.assign(video, { duration: info.duration, durationFloat: info.durationFloat });
    return {
      ...(info.width && info.height ? { dimensions: { width: info.width, height: info.height, orientation: info.orientation } } : {}),
      ...(info.geolocation ? { geolocation: info.geolocation } : {}),
      video,
      thumbnailSource: frame,
    };
  });
}

async function fromAudio(input: Buffer, essence: string): Promise<Extracted> {
  const { tags, cover } = await probeAudio(input, essence);
  if (!cover) return { audio: tags };
  const coverType = mimeEssence(await sniffContentType(cover.data));
  return DECODABLE_IMAGE_TYPES.has(coverType) ? { audio: tags, thumbnailSource: cover.data } : { audio: tags };
}

async function fromPdf(input: Buffer): Promise<Extracted> {
  const render = await renderFirstPage(input);
  return { dimensions: render.firstPage, pageCount: render.pageCount, thumbnailSource: render.png };
}
