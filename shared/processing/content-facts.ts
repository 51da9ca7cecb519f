import { envInt } from '../config.js';
import { extractMetadata, type VideoData } from '../media/extract.js';
import type { AudioTags } from '../media/audio.js';
import { sniffContentType } from '../media/sniff.js';
import type { Dimensions, Geolocation } from '../media/types.js';
import { PermanentJobError } from './errors.js';
import { downloadHead, downloadObject, objectInfo } from '../gcp/storage-objects.js';

/** Bytes file-type needs to recognise every format it knows. */
const SNIFF_BYTES = 4100;

/** What processing learns from a piece of content. */
export interface ContentFacts {
  contentType: string;
  fileSize: number;
  dimensions?: Dimensions;
  geolocation?: Geolocation;
  audio?: AudioTags;
  video?: VideoData;
  /** Image the thumbnails are made from (the image, a video's first frame, cover art, a PDF's first page). */
  thumbnailImage?: Buffer;
}

/** Sniffs and extracts everything from content held in memory. MediaErrors (corrupt, too large) pass through. */
export async function factsOf(bytes: Buffer, fileName?: string): Promise<ContentFacts> {
  if (bytes.length === 0) throw new PermanentJobError('the content is empty');
  const extracted = await extractMetadata(bytes, { fileName });
  const facts: ContentFacts = { contentType: extracted.contentType, fileSize: bytes.length };
  if (extracted.dimensions) facts.dimensions = extracted.dimensions;
  if (extracted.geolocation) facts.geolocation = extracted.geolocation;
  if (extracted.audio && Object.keys(extracted.audio).length > 0) facts.audio = extracted.audio;
  if (extracted.video) facts.video = extracted.video;
  if (extracted.thumbnailSource) facts.thumbnailImage = extracted.thumbnailSource;
  return facts;
}

export type StoredFacts = { kind: 'facts'; facts: ContentFacts } | { kind: 'superseded'; currentGeneration: string };

/**
 * Facts of a stored object of the expected generation. Content above PROCESSING_MAX_BYTES is not
 * loaded: only its type is sniffed from its first bytes. A missing object fails the job; an
 * object replaced since the job was published answers `superseded` (the newer upload has its own job).
 */
export async function factsOfStoredObject(objectPath: string, generation: string | undefined, fileName?: string): Promise<StoredFacts> {
  const info = await objectInfo(objectPath);
  if (!info) throw new PermanentJobError(`the uploaded content was not found (${objectPath})`);
  if (generation !== undefined && info.generation !== generation) return { kind: 'superseded', currentGeneration: info.generation };
  if (info.size === 0) throw new PermanentJobError('the content is empty');
  if (info.size > envInt('PROCESSING_MAX_BYTES')) {
    const head = await downloadHead(objectPath, SNIFF_BYTES);
    return { kind: 'facts', facts: { contentType: await sniffContentType(head, { fileName }), fileSize: info.size } };
  }
  const bytes = await downloadObject(objectPath);
  if (!bytes) throw new PermanentJobError(`the uploaded content was not found (${objectPath})`);
  return { kind: 'facts', facts: await factsOf(bytes, fileName) };
}
