import type { ChannelOf, EventMeta, EventName, EventPayload, RealtimeClient } from '../../shared/client/index.js';

export interface Received<E extends EventName> {
  payload: EventPayload<E>;
  meta: EventMeta<E>;
}

/** Records the events of one name a client receives; `next` waits for the n-th one (or one matching). */
export function record<E extends EventName>(client: RealtimeClient, event: E, channel?: ChannelOf<E>) {
  const seen: Array<Received<E>> = [];
  const waiters: Array<{ match: (r: Received<E>) => boolean; resolve: (r: Received<E>) => void }> = [];
  client.on(
    event,
    (payload, meta) => {
      const r = { payload, meta };
      seen.push(r);
      for (const w of [...waiters]) {
        if (!w.match(r)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(r);
      }
    },
    { channel },
  );
  return {
    seen,
    next(match: (r: Received<E>) => boolean = () => true, timeoutMs = 25_000): Promise<Received<E>> {
      const found = seen.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms; got ${seen.length}`)), timeoutMs);
        waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
  };
}

/** Resolves when the client reaches `state` (event-driven, no polling). */
export function reaches(client: RealtimeClient, state: RealtimeClient['state'], timeoutMs = 15_000): Promise<void> {
  if (client.state === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => (off(), reject(new Error(`client did not become ${state} within ${timeoutMs} ms (is ${client.state})`))),
      timeoutMs,
    );
    const off = client.onStateChange((s) => {
      if (s !== state) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
