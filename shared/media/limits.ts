import { envInt } from '../config.js';

/** Largest width x height an image, video frame or embedded PDF image may declare before it is decoded. */
export function maxPixels(): number {
  return envInt('MEDIA_MAX_PIXELS');
}

/** Longest time one external tool run (ffprobe, ffmpeg) or one sharp pipeline may take. */
export function toolTimeoutMs(): number {
  return envInt('MEDIA_TOOL_TIMEOUT_MS');
}
