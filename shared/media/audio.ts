import { MediaError, reasonOf } from './errors.js';
import { loadMusicMetadata } from './lazy.js';

/** The resource `data.audio` structure; absent tags are left out. */
export interface AudioTags {
  title?: string;
  artist?: string;
  album?: string;
  genre?: string;
  /** Whole seconds, rounded. */
  duration?: number;
  durationFloat?: number;
}

export interface CoverArt {
  data: Buffer;
  /** As declared in the tag; sniff the bytes before trusting it. */
  declaredType: string;
}

export interface AudioInfo {
  tags: AudioTags;
  cover?: CoverArt;
}

/**
 * Tags, duration and embedded cover art (the front cover when several pictures are
 * embedded) of an audio file. `contentType` is the sniffed type, a hint for the parser.
 */
export async function probeAudio(input: Uint8Array, contentType?: string): Promise<AudioInfo> {
  const { CouldNotDetermineFileTypeError, UnsupportedFileTypeError, parseBuffer, selectCover } = await loadMusicMetadata();
  let metadata: Awaited<ReturnType<typeof parseBuffer>>;
  try {
    metadata = await parseBuffer(input, { mimeType: contentType, size: input.length }, { duration: true });
  } catch (error) {
    if (error instanceof CouldNotDetermineFileTypeError || error instanceof UnsupportedFileTypeError) {
      throw new MediaError('unsupported', `unsupported audio format: ${reasonOf(error)}`, { cause: error });
    }
    throw new MediaError('corrupt', `audio cannot be parsed: ${reasonOf(error)}`, { cause: error });
  }

  const { common, format } = metadata;
  const tags: AudioTags = {};
  if (common.title) tags.title = common.title;
  if (common.artist) tags.artist = common.artist;
  if (common.album) tags.album = common.album;
  const genre = common.genre?.filter((g) => g.trim() !== '').join(', ');
  if (genre) tags.genre = genre;
  if (format.duration !== undefined && Number.isFinite(format.duration)) {
    tags.durationFloat = format.duration;
    tags.duration = Math.round(format.duration);
  }

  const picture = selectCover(common.picture);
  if (!picture || picture.data.length === 0) return { tags };
  return { tags, cover: { data: Buffer.from(picture.data), declaredType: picture.format } };
}
