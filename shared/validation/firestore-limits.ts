/**
 * Firestore's documented limits (https://firebase.google.com/docs/firestore/quotas), checked on
 * request input before anything is written: what passes here is a value Firestore stores.
 */

/** A top-level field may hold at most this many nested maps/arrays (the Node client's rule). */
export const MAX_NESTED_LEVELS = 20;
/** Maximum size of a document. */
export const MAX_DOCUMENT_BYTES = 1_048_576;
/**
 * Room left for what the server stores beside the client's fields (ids, timestamps, search
 * words, the document name): input above `MAX_DOCUMENT_BYTES - RESERVED_DOCUMENT_BYTES` is refused.
 */
export const RESERVED_DOCUMENT_BYTES = 16_384;
export const MAX_FIELD_NAME_BYTES = 1_500;
export const MAX_DOCUMENT_ID_BYTES = 1_500;

const RESERVED_NAME = /^__.*__$/s;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A document id, or one segment of a path that becomes one: not `.` or `..`, no `/`, not `__.*__`.
 * Byte length is bounded by the schema's `maxLength` (at most 1500 bytes: keep it <= 375 code points).
 */
export const DOCUMENT_ID_PATTERN = '^(?!\\.\\.?$)(?!__.*__$)[^/]+$';

/** Schema of a client-chosen id matching `[A-Za-z0-9_-]`, minus Firestore's reserved `__.*__`. */
export const SAFE_ID_PATTERN = '^(?!__.*__$)[A-Za-z0-9_-]{1,128}$';

/** Why `id` cannot be a Firestore document id, or undefined when it can. */
export function documentIdProblem(id: string): string | undefined {
  if (id === '') return 'must not be empty';
  if (id === '.' || id === '..') return 'must not be "." or ".."';
  if (id.includes('/')) return 'must not contain "/"';
  if (RESERVED_NAME.test(id)) return 'must not match __.*__ (reserved by Firestore)';
  if (LONE_SURROGATE.test(id)) return 'must be valid UTF-16 (it holds a lone surrogate)';
  if (Buffer.byteLength(id, 'utf8') > MAX_DOCUMENT_ID_BYTES) return `must be at most ${MAX_DOCUMENT_ID_BYTES} bytes`;
  return undefined;
}

interface Found {
  path: string;
  problem: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

function keyProblem(key: string): string | undefined {
  if (key === '') return 'must not be empty';
  if (RESERVED_NAME.test(key)) return 'must not match __.*__ (reserved by Firestore)';
  if (LONE_SURROGATE.test(key)) return 'must be valid UTF-16 (it holds a lone surrogate)';
  if (Buffer.byteLength(key, 'utf8') > MAX_FIELD_NAME_BYTES) return `must be at most ${MAX_FIELD_NAME_BYTES} bytes`;
  return undefined;
}

/**
 * Walks JSON-like input (plain objects, arrays, scalars; streams and buffers are left alone) and
 * returns its Firestore storage size, or the first value Firestore would refuse.
 * `level` counts the maps/arrays above `value` below the top-level field it belongs to.
 */
function walk(value: unknown, path: string, level: number): Found | number {
  if (level > MAX_NESTED_LEVELS) return { path, problem: `is nested deeper than ${MAX_NESTED_LEVELS} levels` };
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) return { path, problem: 'must be valid UTF-16 (it holds a lone surrogate)' };
    return Buffer.byteLength(value, 'utf8') + 1;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return 8;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) return 0;
  let size = 0;
  if (isArray) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (Array.isArray(item))
        return { path: join(path, i), problem: 'is an array directly inside an array, which Firestore cannot store' };
      const found = walk(item, join(path, i), level + 1);
      if (typeof found !== 'number') return found;
      size += found;
    }
    return size;
  }
  for (const [key, item] of Object.entries(value)) {
    const problem = keyProblem(key);
    if (problem) return { path: path ? `${path} key ${JSON.stringify(key)}` : `key ${JSON.stringify(key)}`, problem };
    const found = walk(item, join(path, key), path ? level + 1 : 0);
    if (typeof found !== 'number') return found;
    size += Buffer.byteLength(key, 'utf8') + 1 + found;
  }
  return size;
}

/** The child field holding most of `value`'s size, descended while one child dominates. */
function largestField(value: unknown, path: string): string {
  if (!isPlainObject(value) && !Array.isArray(value)) return path;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  let best: [string | number, number] | undefined;
  let total = 0;
  for (const [key, item] of entries) {
    const size = walk(item, '', 1);
    const n = typeof size === 'number' ? size : 0;
    total += n;
    if (!best || n > best[1]) best = [key, n];
  }
  if (!best || best[1] * 2 < total) return path;
  return largestField(Array.isArray(value) ? value[best[0] as number] : value[best[0] as string], join(path, best[0]));
}

/**
 * The first reason Firestore would refuse `input` (a validated request), as a sentence naming the
 * field; undefined when every value can be stored.
 */
export function firestoreLimitProblem(input: unknown, root = 'request'): string | undefined {
  const found = walk(input, '', 0);
  if (typeof found !== 'number') return `${found.path || root} ${found.problem}`;
  if (found > MAX_DOCUMENT_BYTES - RESERVED_DOCUMENT_BYTES) {
    return `${largestField(input, '') || root} is too large: a Firestore document holds at most 1 MiB`;
  }
  return undefined;
}
