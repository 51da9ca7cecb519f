import type { Family } from '../../shared/registry/family.js';
import { generateAIImage } from './ai-image.js';
import { pictureThumbnailOperations } from './picture-thumbnails.js';
import { createRemoteUrlResource, remoteImageUpload } from './remote-imports.js';
import { getThumbnailUrl, readThumbnail, readThumbnailUrl } from './resource-thumbnails.js';

export const resourceMediaFamily: Family = {
  name: 'resource-media',
  description: 'Resource API (seed 000): thumbnails of resources, users, rooms and networks; remote imports and AI images',
  operations: [readThumbnail, readThumbnailUrl, getThumbnailUrl, ...pictureThumbnailOperations, createRemoteUrlResource, remoteImageUpload, generateAIImage],
  events: [],
};
