import { assertFetchableUrl } from '../../../shared/processing/remote-url.js';
import { operation } from '../../../shared/registry/define.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { resourceEnvelope } from '../../resources/schemas/resource.js';
import { defined, sourceData } from '../rules/remote-data.js';
import { remoteImageRequest, remoteUrlRequest } from '../schemas/imports.js';
import { queueJobFor } from '../store/job-queue.js';
import { insertResource } from '../store/new-resource.js';
import { describeRemoteUrl } from '../store/remote-page.js';

const permission = 'authenticated user; writes to the chosen belonging';

export const createRemoteUrlResource = operation({
  name: 'resource:createRemoteUrlResource',
  summary: 'Create remote url resource',
  description:
    'metadata.link keeps the URL; metadata.contentType is roomful#url, remote#image, remote#audio or remote#video, from what the URL answers ' +
    '(urlType Hls/Dash: remote#video without fetching). Pages get data.remoteUrl title and favicon; images and page preview images become ' +
    'thumbnails in a job (status pending until then). URLs resolving to loopback, private, link-local or metadata addresses are refused (400).',
  permission,
  request: remoteUrlRequest,
  response: resourceEnvelope,
}).handle(async (ctx, input) => {
  const { contentType, info } = await describeRemoteUrl(ctx, input);
  const previewImage = contentType === 'remote#image' ? (info?.url ?? input.url) : contentType === 'roomful#url' ? info?.image : undefined;
  const remoteUrl = defined({ url: input.url, urlType: input.urlType, title: info?.title, favicon: info?.favicon });
  const doc = await insertResource(ctx, input, {
    status: previewImage ? 'pending' : 'ready',
    ...defined({ title: info?.title }),
    metadata: { link: input.url, contentType },
    data: { remoteUrl },
  });
  if (previewImage) {
    await queueJobFor(doc.id, 'IMPORT_TOPIC', {
      kind: 'remote-thumbnail',
      resourceId: doc.id,
      imageUrl: previewImage,
      required: contentType === 'remote#image',
    });
  }
  return { resource: toClientResource(doc) };
});

export const remoteImageUpload = operation({
  name: 'resource:remoteImageUpload',
  summary: 'Create remote image resource',
  description:
    'Creates the resource at once (status pending); a job downloads the image through the SSRF-safe outbound module, stores it and processes it ' +
    'like an upload. source/sourceLink are kept in metadata.origin (type/path), sourceId in data.pixabay/pinterest/facebook for those sources.',
  permission,
  request: remoteImageRequest,
  response: resourceEnvelope,
}).handle(async (ctx, input) => {
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
});
