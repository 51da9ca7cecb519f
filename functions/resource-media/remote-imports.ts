import { classifyRemoteUrl, getPageInfo, isOutboundError, outboundToApiError, type PageInfo, type RemoteUrlContentType } from '../../shared/outbound/index.js';
import { assertFetchableUrl, assertHttpUrl } from '../../shared/processing/remote-url.js';
import { defineOperation, type OperationContext } from '../../shared/registry/types.js';
import { toClientResource } from '../../shared/resources/model.js';
import type { Placement } from '../../shared/resources/placement.js';
import { placementProperties, resourceEnvelope } from '../resources/schemas/resource.js';
import { queueJobFor } from './job-queue.js';
import { insertResource } from './new-resource.js';

const family = 'resource-media';
const urlSchema = { type: 'string', minLength: 1, maxLength: 4096 } as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

/** Drops undefined members, so stored maps hold only what is known. */
function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface RemoteUrlInput extends Placement {
  url: string;
  urlType?: string;
}

const STREAMING_URL_TYPES = /^(hls|dash)$/i;

/**
 * What the URL is: a streaming manifest when the client says so (never fetched), otherwise what it
 * answers. A URL whose address is refused is a 400; a page that cannot be read is still a link.
 */
async function describe(ctx: OperationContext, input: RemoteUrlInput): Promise<{ contentType: RemoteUrlContentType; info?: PageInfo }> {
  if (input.urlType && STREAMING_URL_TYPES.test(input.urlType)) {
    assertHttpUrl(input.url);
    return { contentType: 'remote#video' };
  }
  try {
    const info = await getPageInfo(input.url);
    return { contentType: classifyRemoteUrl(info.contentType), info };
  } catch (error) {
    if (isOutboundError(error, 'bad-url') || isOutboundError(error, 'forbidden-address')) throw outboundToApiError(error, { subject: 'url', userSupplied: true });
    if (!isOutboundError(error)) throw error;
    ctx.log.info('remote url kept as a plain link: it could not be read', { kind: error.kind, message: error.message });
    return { contentType: 'roomful#url' };
  }
}

export const createRemoteUrlResource = defineOperation<RemoteUrlInput, unknown>({
  name: 'resource:createRemoteUrlResource',
  family,
  summary: 'Create remote url resource',
  description:
    'metadata.link keeps the URL; metadata.contentType is roomful#url, remote#image, remote#audio or remote#video, from what the URL answers ' +
    '(urlType Hls/Dash: remote#video without fetching). Pages get data.remoteUrl title and favicon; images and page preview images become ' +
    'thumbnails in a job (status pending until then). URLs resolving to loopback, private, link-local or metadata addresses are refused (400).',
  bindings: { websocket: 'resource:createRemoteUrlResource' },
  auth: 'required',
  permission: 'authenticated user; writes to the chosen belonging',
  request: {
    type: 'object',
    additionalProperties: false,
    required: ['url'],
    properties: { url: urlSchema, urlType: text(20), ...placementProperties },
  },
  response: resourceEnvelope,
  handler: async (ctx, input) => {
    const { contentType, info } = await describe(ctx, input);
    const previewImage = contentType === 'remote#image' ? (info?.url ?? input.url) : contentType === 'roomful#url' ? info?.image : undefined;
    const remoteUrl = defined({ url: input.url, urlType: input.urlType, title: info?.title, favicon: info?.favicon });
    const doc = await insertResource(ctx, input, {
      status: previewImage ? 'pending' : 'ready',
      ...defined({ title: info?.title }),
      metadata: { link: input.url, contentType },
      data: { remoteUrl },
    });
    if (previewImage) {
      await queueJobFor(doc.id, 'IMPORT_TOPIC', { kind: 'remote-thumbnail', resourceId: doc.id, imageUrl: previewImage, required: contentType === 'remote#image' });
    }
    return { resource: toClientResource(doc) };
  },
});

interface RemoteImageInput extends Placement {
  url: string;
  title?: string;
  source?: string;
  sourceId?: string;
  sourceLink?: string;
}

/** The seed's per-source data structures; other sources keep only metadata.origin. */
function sourceData(input: RemoteImageInput): Record<string, unknown> {
  const { source, sourceId, sourceLink } = input;
  switch (source?.toLowerCase()) {
    case 'pixabay':
      return { pixabay: defined({ id: sourceId, pageUrl: sourceLink }) };
    case 'pinterest':
      return { pinterest: defined({ pin: sourceId, url: sourceLink }) };
    case 'facebook':
      return { facebook: defined({ id: sourceId }) };
    default:
      return {};
  }
}

export const remoteImageUpload = defineOperation<RemoteImageInput, unknown>({
  name: 'resource:remoteImageUpload',
  family,
  summary: 'Create remote image resource',
  description:
    'Creates the resource at once (status pending); a job downloads the image through the SSRF-safe outbound module, stores it and processes it ' +
    'like an upload. source/sourceLink are kept in metadata.origin (type/path), sourceId in data.pixabay/pinterest/facebook for those sources.',
  bindings: { websocket: 'resource:remoteImageUpload' },
  auth: 'required',
  permission: 'authenticated user; writes to the chosen belonging',
  request: {
    type: 'object',
    additionalProperties: false,
    required: ['url'],
    properties: { url: urlSchema, title: text(1000), source: text(100), sourceId: text(400), sourceLink: text(4096), ...placementProperties },
  },
  response: resourceEnvelope,
  handler: async (ctx, input) => {
    await assertFetchableUrl(input.url);
    const origin = defined({ type: input.source, path: input.sourceLink });
    const doc = await insertResource(ctx, input, {
      status: 'pending',
      ...defined({ title: input.title }),
      metadata: { link: input.url, ...(Object.keys(origin).length > 0 ? { origin } : {}) },
      data: sourceData(input),
    });
    await queueJobFor(doc.id, 'IMPORT_TOPIC', { kind: 'store-remote-image', resourceId: doc.id, url: input.url });
    return { resource: toClientResource(doc) };
  },
});
