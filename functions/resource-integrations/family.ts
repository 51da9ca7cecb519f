import { defineFamily, websocketByName } from '../../shared/registry/define.js';
import {
  createGoogleDriveResource,
  deleteGoogleDriveCredentials,
  setGoogleDriveCredentials,
  syncGoogleDriveDirectory,
} from './operations/google-drive.js';
import { createImdbMulti, imdbInfo, imdbSearch } from './operations/imdb.js';
import { linkInfo } from './operations/link.js';
import { partnerThumbnailOperations } from './operations/partner-thumbnails.js';
import { createPinterest, pinterestInfo, pinterestSearch } from './operations/pinterest.js';
import { pixabaySearch } from './operations/pixabay.js';
import { getStreamSources } from './operations/streams.js';

export const resourceIntegrationsFamily = defineFamily('resource-integrations', {
  description:
    'Resource API (seed 000): third-party content (IMDb via OMDb, Pinterest, Pixabay, links, streams, Google Drive) and partner thumbnails',
  defaults: { bindings: websocketByName },
  operations: [
    imdbSearch,
    imdbInfo,
    createImdbMulti,
    pinterestSearch,
    pinterestInfo,
    createPinterest,
    pixabaySearch,
    linkInfo,
    getStreamSources,
    createGoogleDriveResource,
    syncGoogleDriveDirectory,
    setGoogleDriveCredentials,
    deleteGoogleDriveCredentials,
    ...partnerThumbnailOperations,
  ],
  // resource:syncGoogleDriveDirectoryResult is declared with the other resource events (functions/resources/events.ts).
  events: [],
});
