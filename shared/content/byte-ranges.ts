import parseRange from 'range-parser';

export type RangeDecision = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * What to answer to a `Range` header for content of `size` bytes (RFC 9110 §14): one satisfiable
 * byte range -> 206; no range satisfiable -> 416. A malformed header, another unit, several ranges,
 * or an `If-Range` that does not name the current ETag -> the whole content (servers may ignore
 * such a Range).
 */
export function decideRange(range: string | undefined, size: number, etag: string, ifRange?: string): RangeDecision {
  if (!range) return { kind: 'full' };
  if (ifRange !== undefined && ifRange.trim() !== etag) return { kind: 'full' };
  const parsed = parseRange(size, range, { combine: true });
  if (parsed === -1) return { kind: 'unsatisfiable' };
  if (parsed === -2 || parsed.type !== 'bytes' || parsed.length !== 1) return { kind: 'full' };
  return { kind: 'partial', start: parsed[0].start, end: parsed[0].end };
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, `*` matches anything). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** A strong ETag for one stored generation of an object. */
export const etagOf = (generation: string): string => `"${generation}"`;
