export interface RateLimitOptions {
  /** Requests a client may send in a burst. @default 120 */
  capacity?: number;
  /** Tokens added per second (the sustained rate). @default 2 */
  refillPerSecond?: number;
  /** Clients tracked at once; the least recently seen are forgotten first. @default 10000 */
  maxClients?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets per client key, in memory only (a restart forgives everyone). Time is passed in,
 * so tests drive it without timers.
 */
export class TokenBucketLimiter {
  private readonly capacity: number;
  private readonly refillPerSecond: number;
  private readonly maxClients: number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions = {}) {
    this.capacity = options.capacity ?? 120;
    this.refillPerSecond = options.refillPerSecond ?? 2;
    this.maxClients = options.maxClients ?? 10_000;
  }

  take(key: string, nowMs: number): RateDecision {
    const previous = this.buckets.get(key);
    const elapsed = previous ? Math.max(0, nowMs - previous.updatedAt) / 1000 : 0;
    const tokens = previous
      ? Math.min(this.capacity, previous.tokens + elapsed * this.refillPerSecond)
      : this.capacity;
    // Delete and set again: Map order becomes least-recently-seen first, which is what we evict.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, updatedAt: nowMs });
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.refillPerSecond)),
      };
    }
    this.buckets.set(key, { tokens: tokens - 1, updatedAt: nowMs });
    while (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return { allowed: true };
  }

  get size(): number {
    return this.buckets.size;
  }
}
