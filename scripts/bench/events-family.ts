import { firestore } from '../../shared/gcp/clients.js';
import { commitWithEvents } from '../../shared/events/outbox.js';
import type { Family } from '../../shared/registry/family.js';
import { defineOperation } from '../../shared/registry/types.js';

export const BENCH_WRITE = 'eventsbench:write';

/**
 * BENCHMARK-ONLY family: one operation that commits a small document and, when asked, one event
 * in the same commit, exactly as the real handlers do. `auth: 'none'` keeps token checks out of
 * the comparison (they cost the same with and without events).
 */
export const eventsBenchFamily: Family = {
  name: 'eventsbench',
  description: 'benchmark-only: a write with or without an event',
  events: [],
  operations: [
    defineOperation<{ id: string; channel?: string }, unknown>({
      name: BENCH_WRITE,
      family: 'eventsbench',
      summary: 'write one document; emit one event on `channel` when given',
      bindings: { websocket: BENCH_WRITE },
      auth: 'none',
      permission: 'none',
      request: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, channel: { type: 'string' } } },
      response: { type: 'object' },
      handler: async (ctx, input) => {
        const batch = firestore().batch();
        batch.set(firestore().collection('eventsBench').doc(input.id), { updated: Date.now() });
        const events = input.channel ? [{ endpoint: 'resource:updated', channel: input.channel, data: { id: input.id } }] : [];
        await commitWithEvents(batch, ctx.events, events);
        return {};
      },
    }),
  ],
};
