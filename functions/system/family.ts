import { defineFamily } from '../../shared/registry/define.js';
import type { Family } from '../../shared/registry/family.js';
import { getTokens } from './operations/auth-token.js';
import { docsOperations } from './operations/docs.js';
import { getHealthStatus, isLive, isReady } from './operations/health.js';

export const systemFamily: Family = defineFamily('system', {
  description: "Health checks, the caller's token (seed 003) and the generated API documents",
  operations: [getHealthStatus, isLive, isReady, getTokens, ...docsOperations(() => systemFamily)],
  events: [],
});
