import { FieldValue } from '@google-cloud/firestore';

const DELETE = FieldValue.delete();

/**
 * The document as a Firestore `update(fields)` leaves it: dotted keys are field paths (their
 * parents are created as maps), `FieldValue.delete()` removes the field. Other sentinels
 * (increments, server timestamps) are not supported: the caller knows its values. `doc` is not
 * changed (maps on a changed path are copied).
 */
export function applyUpdate<T extends object>(doc: T, fields: Record<string, unknown>): T {
  const next = { ...doc } as Record<string, unknown>;
  for (const [path, value] of Object.entries(fields)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let parent = next;
    for (const key of keys) {
      const child = parent[key];
      parent = parent[key] = typeof child === 'object' && child !== null && !Array.isArray(child) ? { ...child } : {};
    }
    if (value instanceof FieldValue) {
      if (!value.isEqual(DELETE)) throw new Error(`applyUpdate: unsupported sentinel at ${path}`);
      delete parent[last];
    } else parent[last] = value;
  }
  return next as T;
}
