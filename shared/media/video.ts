import { MediaError } from './errors.js';
import { assertWithinPixelLimit } from './image.js';
import { maxPixels } from './limits.js';
import { runTool, withTempFile } from './tools.js';
import type { Geolocation } from './types.js';

export interface VideoInfo {
  /** Whole seconds, rounded; absent when the container declares no duration. */
  duration?: number;
  durationFloat?: number;
  /** Coded size of the first video stream (absent for a file with no video stream). */
  width?: number;
  height?: number;
  /** Display rotation as an EXIF orientation: 1, 6 (90° clockwise), 3 (180°), 8 (270°). */
  orientation: number;
  hasVideo: boolean;
  hasAudio: boolean;
  hasAlphaChannel: boolean;
  /** From an ISO 6709 `location` tag (phones write it into MP4/MOV). */
  geolocation?: Geolocation;
}

/** A file path, or the bytes (written to a private temp file for the tools). */
export type VideoInput = Buffer | string;

/**
 * Containers the tools may open. Limiting demuxers keeps playlist and concat formats (which
 * reference other files or URLs) out; `-protocol_whitelist file` keeps the network out.
 */
const INPUT_GUARD = ['-protocol_whitelist', 'file', '-format_whitelist', 'mov,mp4,matroska,webm,avi,flv,mpegts,mpeg,ogg,asf,mxf'];

interface ProbeStream {
  codec_type?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
  disposition?: { attached_pic?: number };
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { duration?: string; tags?: Record<string, string> };
}

export async function probeVideo(input: VideoInput): Promise<VideoInfo> {
  return withInputFile(input, async (path) => {
    const { stdout } = await runTool('ffprobe', [
      '-v',
      'error',
      ...INPUT_GUARD,
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      path,
    ]);
    let output: ProbeOutput;
    try {
      output = JSON.parse(stdout.toString('utf8')) as ProbeOutput;
    } catch {
      throw new MediaError('corrupt', 'ffprobe output is not JSON');
    }
    return videoInfoFromProbe(output);
  });
}

export function videoInfoFromProbe(output: ProbeOutput): VideoInfo {
  const streams = output.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const seconds = parseSeconds(output.format?.duration) ?? parseSeconds(video?.duration);
  const location = output.format?.tags?.location ?? output.format?.tags?.['com.apple.quicktime.location.ISO6709'];
  const geolocation = location ? parseIso6709(location) : undefined;
  return {
    ...(seconds !== undefined ? { duration: Math.round(seconds), durationFloat: seconds } : {}),
    ...(video?.width && video.height ? { width: video.width, height: video.height } : {}),
    orientation: video ? orientationFromRotation(clockwiseRotation(video)) : 1,
    hasVideo: video !== undefined,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
    hasAlphaChannel: video ? hasAlpha(video) : false,
    ...(geolocation ? { geolocation } : {}),
  };
}

export interface FrameOptions {
  format?: 'png' | 'jpeg';
  /** Largest frame width x height; defaults to MEDIA_MAX_PIXELS. */
  maxPixels?: number;
  /** The input's probeVideo result, when the caller already has it. */
  info?: VideoInfo;
}

/**
 * The first frame of the first video stream, upright (the tools apply the display rotation),
 * as PNG (keeps alpha) or JPEG. Refuses frames above the pixel limit before decoding.
 */
export async function extractFirstFrame(input: VideoInput, options: FrameOptions = {}): Promise<Buffer> {
  return withInputFile(input, async (path) => {
    const info = options.info ?? (await probeVideo(path));
    if (!info.hasVideo || !info.width || !info.height) throw new MediaError('unsupported', 'no video stream to take a frame from');
    assertWithinPixelLimit(info.width, info.height, options.maxPixels ?? maxPixels());
    const codec = options.format === 'jpeg' ? ['-c:v', 'mjpeg', '-q:v', '2'] : ['-c:v', 'png'];
    const { stdout } = await runTool('ffmpeg', [
      '-v',
      'error',
      '-nostdin',
      ...INPUT_GUARD,
      '-i',
      path,
      '-map',
      '0:v:0',
      '-frames:v',
      '1',
      '-an',
      '-sn',
      '-dn',
      '-f',
      'image2pipe',
      ...codec,
      'pipe:1',
    ]);
    if (stdout.length === 0) throw new MediaError('corrupt', 'video has no decodable frame');
    return stdout;
  });
}

async function withInputFile<T>(input: VideoInput, work: (path: string) => Promise<T>): Promise<T> {
  if (typeof input === 'string') return work(input);
  return withTempFile(input, 'input', work);
}

function parseSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** ffprobe reports rotation as a counter-clockwise display-matrix angle, older files as a clockwise `rotate` tag. */
function clockwiseRotation(stream: ProbeStream): number {
  const matrix = stream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const degrees = matrix !== undefined ? -matrix : Number(stream.tags?.rotate ?? 0);
  return Number.isFinite(degrees) ? (((Math.round(degrees / 90) * 90) % 360) + 360) % 360 : 0;
}

export function orientationFromRotation(clockwiseDegrees: number): number {
  switch (clockwiseDegrees) {
    case 90:
      return 6;
    case 180:
      return 3;
    case 270:
      return 8;
    default:
      return 1;
  }
}

function hasAlpha(stream: ProbeStream): boolean {
  if (stream.tags?.alpha_mode === '1' || stream.tags?.ALPHA_MODE === '1') return true;
  return /^(yuva|rgba|bgra|argb|abgr|gbrap|ya\d)/.test(stream.pix_fmt ?? '');
}

/** `+48.8577+002.2950+035.000/` -> latitude 48.8577, longitude 2.295. */
export function parseIso6709(value: string): Geolocation | undefined {
  const match = /^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)/.exec(value.trim());
  if (!match) return undefined;
  const latitude = Number(match[1]);
  const longitude = Number(match[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude };
}
