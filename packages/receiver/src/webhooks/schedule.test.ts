import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, nextDelayMs, parseRetryAfter } from './schedule.js';

describe('webhook retry schedule', () => {
  it('keeps retrying for more than 24 hours, then gives up', () => {
    const total = RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThan(24 * 3_600_000);
    expect(MAX_ATTEMPTS).toBe(8);
    expect(nextDelayMs(MAX_ATTEMPTS, undefined, () => 0.5)).toBeUndefined();
  });

  it('jitters each delay by at most 10 % and honours a longer Retry-After', () => {
    expect(nextDelayMs(1, undefined, () => 0)).toBe(4_500);
    expect(nextDelayMs(1, undefined, () => 1)).toBe(5_500);
    expect(nextDelayMs(1, 60_000, () => 0.5)).toBe(60_000);
    expect(nextDelayMs(1, 365 * 86_400_000, () => 0.5)).toBe(86_400_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-11-02T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
