import { FieldValue } from '@google-cloud/firestore';
import { env } from '../config.js';
import type { ContentFacts } from './content-facts.js';

/** A Firestore update: dotted field paths keep the sibling fields a client or another function wrote. */
export type ResourcePatch = Record<string, unknown>;

/** The URL a client loads the default thumbnail from (the `thumbnail` field of the resource). */
export function thumbnailUrlOf(resourceId: string): string {
  return `${env('PUBLIC_BASE_URL')}/api/v0/resource/thumbnail/${resourceId}`;
}

export function readyPatch(resourceId: string, facts: ContentFacts, hasThumbnail: boolean): ResourcePatch {
  const patch: ResourcePatch = {
    status: 'ready',
    failure: FieldValue.delete(),
    'metadata.contentType': facts.contentType,
    'metadata.fileSize': facts.fileSize,
    'metadata.dimensions': facts.dimensions ?? FieldValue.delete(),
    'metadata.geolocation': facts.geolocation ?? FieldValue.delete(),
    'data.audio': facts.audio ?? FieldValue.delete(),
    'data.video': facts.video ?? FieldValue.delete(),
    thumbnail: hasThumbnail ? thumbnailUrlOf(resourceId) : FieldValue.delete(),
  };
  return patch;
}

/** The content is unusable: no thumbnail of earlier content may stand for it. */
export function failedPatch(reason: string): ResourcePatch {
  return { status: 'failed', failure: reason, thumbnail: FieldValue.delete() };
}
