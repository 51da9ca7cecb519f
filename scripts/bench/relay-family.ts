import type { Family } from '../../shared/registry/family.js';
import { defineOperation } from '../../shared/registry/types.js';

/** The channel every benchmark socket joins. */
export const BENCH_CHANNEL = 'resource:bench';
export const BENCH_SUBSCRIBE = 'bench:subscribe';

/**
 * BENCHMARK-ONLY family: one WebSocket operation that joins the calling socket to BENCH_CHANNEL,
 * as resource:subscribe does for a resource. `auth: 'none'` keeps the benchmark free of Firestore
 * (the relay still verifies every socket's token).
 */
export const benchFamily: Family = {
  name: 'relaybench',
  description: 'benchmark-only: joins the bench channel',
  events: [],
  operations: [
    defineOperation({
      name: BENCH_SUBSCRIBE,
      family: 'relaybench',
      summary: 'join the benchmark channel',
      bindings: { websocket: BENCH_SUBSCRIBE },
      auth: 'none',
      permission: 'none',
      request: { type: 'object' },
      response: { type: 'object' },
      handler: async (ctx) => {
        ctx.channels.join(BENCH_CHANNEL);
        return {};
      },
    }),
  ],
};
