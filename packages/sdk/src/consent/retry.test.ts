import { describe, expect, it } from 'vitest';
import { backoff, parseRetryAfter, verdict } from './retry.js';

describe('verdict', () => {
  it.each([
    [200, 'ok'],
    [202, 'ok'],
    [204, 'ok'],
    [299, 'ok'],
    [400, 'drop'],
    [401, 'drop'],
    [403, 'drop'],
    [404, 'drop'],
    [413, 'drop'],
    [422, 'drop'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [501, 'drop'],
    [505, 'drop'],
    [0, 'retry'],
    [302, 'retry'],
  ] as const)('status %i → %s', (status, expected) => {
    expect(verdict(status)).toBe(expected);
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
