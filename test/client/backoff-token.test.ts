import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../shared/client/backoff.js';
import { expiresAt } from '../../shared/client/token.js';

describe('reconnect backoff', () => {
  it('grows exponentially up to the cap, with half of each delay left to chance', () => {
    const options = { initialDelayMs: 100, maxDelayMs: 1_000 };
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, options, () => 1))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, options, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3, options)));
    expect(spread.size).toBeGreaterThan(10);
    for (const delay of spread) {
      expect(delay).toBeGreaterThanOrEqual(400);
      expect(delay).toBeLessThanOrEqual(800);
    }
  });
});

describe('token expiry', () => {
  const jwt = (payload: object) => ['e30', Buffer.from(JSON.stringify(payload)).toString('base64url'), 'sig'].join('.');

  it('reads exp of a JWT in milliseconds, and nothing from what is not one', () => {
    expect(expiresAt(jwt({ sub: 'ü-user', exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
    expect(expiresAt(jwt({ sub: 'x' }))).toBeUndefined();
    expect(expiresAt('opaque-session-id')).toBeUndefined();
  });
});
