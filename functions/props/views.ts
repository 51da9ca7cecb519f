import type { PropRecord } from './store/props.js';

/** A stored prop as clients see it: with its room's title, without server bookkeeping. */
export function toClientProp(prop: PropRecord, roomTitle: string): Record<string, unknown> {
  const { contentUpdated: _contentUpdated, ...answered } = prop;
  return { ...answered, roomTitle };
}
