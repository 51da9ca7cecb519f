import type { Family } from '../../shared/registry/family.js';
import { FAMILY } from './define.js';
import { proxyResource, readResource, readResourceFromNetwork } from './read-operations.js';
import { createUploadTargetOperation, uploadContent } from './upload-operations.js';
import { getDirectUrl, getDirectUrlFromNetwork, getResourceUrl, getUrl } from './url-operations.js';
import { proxyYoutube } from './youtube-proxy.js';

/**
 * Bytes in and out of resources. The events it publishes on completion (`resource:updated`,
 * `sortingTable:resourceUpdated`, ...) are declared by the resources family.
 */
export const resourceContentFamily: Family = {
  name: FAMILY,
  description: 'Resource content (seed 000): uploads (through the API or direct to Cloud Storage), redirects, proxy with ranges, direct URLs',
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
};
