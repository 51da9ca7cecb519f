import { defineFamily, websocketByName } from '../../shared/registry/define.js';
import { proxyResource, readResource, readResourceFromNetwork } from './operations/read.js';
import { createUploadTargetOperation, uploadContent } from './operations/upload.js';
import { getDirectUrl, getDirectUrlFromNetwork, getResourceUrl, getUrl } from './operations/url.js';
import { proxyYoutube } from './operations/youtube-proxy.js';

/**
 * Bytes in and out of resources. The events it publishes on completion (`resource:updated`,
 * `sortingTable:resourceUpdated`, ...) are declared by the resources family.
 */
export const resourceContentFamily = defineFamily('resource-content', {
  description:
    'Resource content (seed 000): uploads (through the API or direct to Cloud Storage), redirects, proxy with ranges, direct URLs',
  defaults: { restStyle: 'resource', bindings: websocketByName },
  operations: [
    readResource,
    readResourceFromNetwork,
    proxyResource,
    proxyYoutube,
    getDirectUrl,
    getDirectUrlFromNetwork,
    getResourceUrl,
    getUrl,
    uploadContent,
    createUploadTargetOperation,
  ],
  events: [],
});
