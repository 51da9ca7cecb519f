import type { Family } from '../../shared/registry/family.js';
import { createResourceHttp, createResourceWs, getResource, resourceInfo } from './operations.js';
import { resourceEvents } from './events.js';

export const resourcesFamily: Family = {
  name: 'resources',
  description: 'Resource API (seed 000): resources, belongings, directories, sorting tables, URLs',
  operations: [createResourceHttp, createResourceWs, getResource, resourceInfo],
  events: resourceEvents,
};
