import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './rate-limit.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst, then asks the client to wait until one token has refilled', () => {
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.25 });
    const decisions = [0, 0, 0, 0].map(() => limiter.take('a', 1_000));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]).toEqual({ allowed: false, retryAfterSeconds: 4 });
    expect(limiter.take('a', 4_999).allowed).toBe(false);
    expect(limiter.take('a', 5_000).allowed).toBe(true);
  });

  it('keeps separate buckets and forgets the least recently seen client beyond maxClients', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1, maxClients: 2 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    expect(limiter.take('b', 0).allowed).toBe(false);
    limiter.take('c', 0); // evicts a, the least recently seen
    expect(limiter.size).toBe(2);
    expect(limiter.take('a', 0).allowed).toBe(true); // a starts over with a full bucket
  });
});
