import { defineFamily, websocketByName } from '../../shared/registry/define.js';
import { generateAIImage } from './operations/ai-image.js';
import { pictureThumbnailOperations } from './operations/picture-thumbnails.js';
import { createRemoteUrlResource, remoteImageUpload } from './operations/remote-imports.js';
import { getThumbnailUrl, readThumbnail, readThumbnailUrl } from './operations/thumbnails.js';

export const resourceMediaFamily = defineFamily('resource-media', {
  description: 'Resource API (seed 000): thumbnails of resources, users, rooms and networks; remote imports and AI images',
  defaults: { bindings: websocketByName },
  operations: [
    readThumbnail,
    readThumbnailUrl,
    getThumbnailUrl,
    ...pictureThumbnailOperations,
    createRemoteUrlResource,
    remoteImageUpload,
    generateAIImage,
  ],
  events: [],
});
