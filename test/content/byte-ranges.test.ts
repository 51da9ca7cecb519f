import { describe, expect, it } from 'vitest';
import { decideRange, etagOf, matchesEtag } from '../../shared/content/byte-ranges.js';

const etag = etagOf('1712345678901234');

describe('byte ranges', () => {
  it('serves one satisfiable range, clamping its end to the content', () => {
    expect(decideRange('bytes=0-3', 10, etag)).toEqual({ kind: 'partial', start: 0, end: 3 });
    expect(decideRange('bytes=4-', 10, etag)).toEqual({ kind: 'partial', start: 4, end: 9 });
    expect(decideRange('bytes=-2', 10, etag)).toEqual({ kind: 'partial', start: 8, end: 9 });
    expect(decideRange('bytes=5-99', 10, etag)).toEqual({ kind: 'partial', start: 5, end: 9 });
  });

  it('refuses a range that starts past the end', () => {
    expect(decideRange('bytes=10-', 10, etag)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=20-30', 10, etag)).toEqual({ kind: 'unsatisfiable' });
  });

  it('answers the whole content to no, malformed, multiple or foreign-unit ranges', () => {
    expect(decideRange(undefined, 10, etag)).toEqual({ kind: 'full' });
    expect(decideRange('bytes=abc', 10, etag)).toEqual({ kind: 'full' });
    expect(decideRange('bytes=0-1,5-6', 10, etag)).toEqual({ kind: 'full' });
    expect(decideRange('items=0-1', 10, etag)).toEqual({ kind: 'full' });
  });

  it('merges overlapping ranges into one', () => {
    expect(decideRange('bytes=0-3,2-5', 10, etag)).toEqual({ kind: 'partial', start: 0, end: 5 });
  });

  it('honours If-Range only when it names the current ETag', () => {
    expect(decideRange('bytes=0-3', 10, etag, etag)).toEqual({ kind: 'partial', start: 0, end: 3 });
    expect(decideRange('bytes=0-3', 10, etag, '"other"')).toEqual({ kind: 'full' });
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(`"a", W/${etag}`, etag)).toBe(true);
    expect(matchesEtag('*', etag)).toBe(true);
    expect(matchesEtag('"a", "b"', etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
  });
});
