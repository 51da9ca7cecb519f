import type { JSONSchema } from 'json-schema-to-ts';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const num = { type: 'number' } as const;
const bool = { type: 'boolean' } as const;
/** sizes, counts, lengths and durations are never negative */
const count = { type: 'integer', minimum: 0 } as const;
const amount = { type: 'number', minimum: 0 } as const;
/** Timestamps of seed 000/001 are milliseconds since the epoch. */
const timestamp = { type: 'integer', minimum: 0 } as const;
const obj = <const P extends Record<string, JSONSchema>>(properties: P) => ({ type: 'object', properties }) as const;

const actionData = obj({
  usedPropId: str,
  usedRoomId: str,
  usedNetworkId: str,
  usedStorylineId: str,
  usedQuestionId: int,
  usedQuestionnaireId: int,
  usedSegmentId: str,
  usedPlacementAreaId: str,
  usedRoomPoint: str,
  animationData: { type: 'object' },
});

export const programmaticAction = obj({ localId: str, eventName: str, actionName: str, actionData });

export const programmaticActionWithChildren = obj({
  localId: str,
  eventName: str,
  actionName: str,
  actionData,
  childActions: { type: 'array', items: programmaticAction },
});

export const resourceMetadata = obj({
  fileName: str,
  fileSize: count,
  fileDate: timestamp,
  behaviourType: str,
  contentType: str,
  convertedFrom: str,
  link: str,
  origin: obj({ type: str, device: str, deviceName: str, path: str }),
  geolocation: obj({ latitude: num, longitude: num }),
  dimensions: obj({ width: count, height: count, orientation: int }),
});

export const resourceData = obj({
  audio: obj({ title: str, artist: str, album: str, genre: str, duration: count, durationFloat: amount }),
  video: obj({ duration: count, durationFloat: amount, hasAlphaChannel: bool, alphaChannel: str }),
  amazon: obj({
    asin: str,
    summary: str,
    author: { type: 'array', items: str },
    manufacturer: str,
    title: str,
    publicationDate: str,
    url: str,
  }),
  imdb: obj({
    Actors: str,
    Genre: str,
    Ratings: { type: 'array', items: obj({ Source: str, Value: str }) },
    Released: str,
    Runtime: str,
    Website: str,
    Year: str,
    Trailers: { type: 'array', items: str },
    imdbID: str,
  }),
  youtube: obj({ videoId: str, formatId: str }),
  pinterest: obj({ pin: str, url: str }),
  pixabay: obj({ id: str, pageUrl: str }),
  facebook: obj({ id: str }),
  remoteUrl: obj({ url: str, urlType: str, favicon: str, title: str }),
  liveStream: obj({ streamId: str, assetId: str, playbackUrl: str, masterUrl: str }),
  aiGeneration: obj({ generationModel: str, prompt: str, revisedPrompt: str, url: str }),
  thumbnailUrl: str,
  downloadUrl: str,
  directory: obj({ innerContentType: str, innerContentCount: count }),
  channel: obj({ communityId: str, channelId: str, subChannelId: str, messageId: str }),
  googleDrive: obj({ fileId: str, name: str, mimeType: str }),
});

/** The Resource model of seed 000, as answered to clients. */
export const resourceSchema = {
  type: 'object',
  required: ['id', 'created', 'updated', 'belonging', 'status'],
  properties: {
    id: str,
    created: timestamp,
    updated: timestamp,
    title: str,
    description: str,
    location: str,
    date: str,
    category: str,
    linkId: str,
    linkType: { enum: ['global', 'local'] },
    encryptionVersion: str,
    encryptionEpoch: int,
    encryptionEpk: str,
    belonging: str,
    status: { enum: ['pending', 'processing', 'ready', 'failed'] },
    metadata: resourceMetadata,
    thumbnail: str,
    fromTemplate: bool,
    totalReactions: int,
    data: resourceData,
    failure: { type: 'string', description: 'Why processing failed; present only while status is failed.' },
    customParams: { type: 'object' },
    actions: { type: 'array', items: programmaticActionWithChildren },
  },
} as const;

/** What a client may set when creating a resource (server-owned fields are ignored). */
export const resourceInputSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', maxLength: 1000 },
    description: { type: 'string', maxLength: 20000 },
    location: { type: 'string', maxLength: 1000 },
    date: { type: 'string', maxLength: 100 },
    category: { type: 'string', maxLength: 200 },
    encryptionVersion: { type: 'string', maxLength: 100 },
    encryptionEpoch: { type: 'integer' },
    encryptionEpk: { type: 'string', maxLength: 10000 },
    metadata: resourceMetadata,
    thumbnail: { type: 'string', maxLength: 4000 },
    fromTemplate: bool,
    data: resourceData,
    customParams: { type: 'object' },
    actions: { type: 'array', items: programmaticActionWithChildren, maxItems: 1000 },
  },
} as const;

export const idSchema = { type: 'string', format: 'uuid' } as const;
