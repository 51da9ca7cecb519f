import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error.js';
import { outboundToApiError } from './api-errors.js';
import { OutboundError, type OutboundErrorKind } from './errors.js';

describe('outboundToApiError', () => {
  it.each([
    ['bad-url', 400],
    ['forbidden-address', 400],
    ['too-large', 413],
    ['http-error', 422],
    ['timeout', 422],
    ['network', 422],
    ['too-many-redirects', 422],
  ] as Array<[OutboundErrorKind, number]>)('a user-supplied URL failing with %s answers %i', (kind, status) => {
    const mapped = outboundToApiError(new OutboundError(kind, 'detail', { status: 404 }), { userSupplied: true, subject: 'url' });
    expect(mapped.status).toBe(status);
    expect(mapped.message).toMatch(/^url /);
  });

  it('a configured service failing answers 503 without its details', () => {
    const mapped = outboundToApiError(new OutboundError('timeout', 'omdb: http://omdb.test did not answer'), { userSupplied: false });
    expect(mapped.status).toBe(503);
    expect(mapped.message).not.toContain('omdb.test');
  });

  it('leaves other errors to the generic mapping', () => {
    expect(outboundToApiError(new Error('boom'), { userSupplied: true }).status).toBe(500);
    const notFound = new ApiError(404, 'x not found');
    expect(outboundToApiError(notFound, { userSupplied: true })).toBe(notFound);
  });
});
