import type { ResourceDoc } from './model.js';

/** Client views made by toClientResource, with the stored resource each shows: their counters are filled when the answer is sent. */
const shown = new WeakMap<object, ResourceDoc>();

export function registerClientView(view: object, doc: ResourceDoc): void {
  shown.set(view, doc);
}

export function storedResourceOf(view: object): ResourceDoc | undefined {
  return shown.get(view);
}

/** Resources created by the running call: nobody has reacted to them and no directory of them has content yet. */
const createdNow = new WeakSet<ResourceDoc>();

export function markCreated(docs: ResourceDoc[]): void {
  for (const doc of docs) createdNow.add(doc);
}

/** The stored resource a view shows, unless its counters are known without counting (it was just created). */
export function resourceToCount(view: object): ResourceDoc | undefined {
  const doc = shown.get(view);
  return doc && !createdNow.has(doc) ? doc : undefined;
}
