import { describe, expect, it } from 'vitest';
import { backoff, parseRetryAfter, retriable } from './retry.js';

describe('retriable', () => {
  it.each([
    [200, false],
    [202, false],
    [204, false],
    [299, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [413, false],
    [422, false],
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [0, true],
    [302, true],
  ] as const)('status %i → retried: %s', (status, expected) => {
    expect(retriable(status)).toBe(expected);
  });
});

describe('backoff (full jitter)', () => {
  it('stays within [0, base·2^(n-1)] and never above the cap', () => {
    for (let failures = 1; failures <= 30; failures++) {
      const ceiling = Math.min(300_000, 1000 * 2 ** (failures - 1));
      expect(backoff(failures, () => 0, 1000, 300_000)).toBe(0);
      expect(backoff(failures, () => 0.999999, 1000, 300_000)).toBe(0.999999 * ceiling);
      expect(backoff(failures, () => 0.999999, 1000, 300_000)).toBeLessThanOrEqual(300_000);
    }
  });

  it('doubles the window per consecutive failure until the cap', () => {
    const half = (failures: number) => backoff(failures, () => 0.5, 1000, 300_000);
    expect([1, 2, 3, 4].map(half)).toEqual([500, 1000, 2000, 4000]);
    expect(half(20)).toBe(150_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds', () => expect(parseRetryAfter('2', now, 600_000)).toBe(2000));
  it('reads an HTTP date', () =>
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now, 600_000)).toBe(30_000));
  it('treats a date in the past as "now"', () =>
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now, 600_000)).toBe(0));
  it('caps what it honours', () => expect(parseRetryAfter('86400', now, 600_000)).toBe(600_000));
  it.each([null, undefined, '', 'soon', '-5', '1.5'])('ignores %j', (value) =>
    expect(parseRetryAfter(value, now, 600_000)).toBeUndefined(),
  );
});
