import type { PropRecord } from './store/props.js';

/** A prop as clients see it (seed 001's prop model). */
export type ClientProp = Omit<PropRecord, 'contentUpdated'> & { roomTitle: string };

/** A stored prop as clients see it: with its room's title, without server bookkeeping. */
export function toClientProp(prop: PropRecord, roomTitle: string): ClientProp {
  const { contentUpdated: _contentUpdated, ...answered } = prop;
  return { ...answered, roomTitle };
}
