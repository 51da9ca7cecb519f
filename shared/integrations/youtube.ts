/** YouTube video thumbnails, served by YouTube's image host without an API key. */
import { env } from '../config.js';
import { endpoint } from './upstream.js';

/** YouTube video ids: 11 characters of the URL-safe base64 alphabet. */
export const YOUTUBE_VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** The "high quality" (480x360) thumbnail of a video. */
export const youtubeThumbnailUrl = (videoId: string): URL =>
  endpoint(env('YOUTUBE_THUMBNAIL_BASE_URL')!, `/vi/${encodeURIComponent(videoId)}/hqdefault.jpg`);
