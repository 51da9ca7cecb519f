import type { ResourceDoc } from './model.js';

/** Client views made by toClientResource, with the stored resource each shows: their counters are filled when the answer is sent. */
const shown = new WeakMap<object, ResourceDoc>();

export function registerClientView(view: object, doc: ResourceDoc): void {
  shown.set(view, doc);
}

export function storedResourceOf(view: object): ResourceDoc | undefined {
  return shown.get(view);
}
