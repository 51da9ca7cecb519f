import type { Family } from '../../shared/registry/family.js';
import { getTokens } from './auth-token.js';
import { getAsyncApi, getDocsAsset, getDocsPage, getHttpReference, getOpenApi, getWebsocketReference } from './docs.js';
import { getHealthStatus, isLive, isReady } from './health.js';

export const systemFamily: Family = {
  name: 'system',
  description: 'Health checks, the caller\'s token (seed 003) and the generated API documents',
  operations: [getHealthStatus, isLive, isReady, getTokens, getOpenApi, getAsyncApi, getDocsPage, getHttpReference, getWebsocketReference, getDocsAsset],
  events: [],
};
