/** One token bucket: a burst of `capacity`, refilled at `refillPerSecond`. */
export interface BucketOptions {
  /** The burst a client may use at once. */
  capacity: number;
  /** Tokens added per second (the sustained rate). */
  refillPerSecond: number;
}

export interface RateLimitOptions {
  /** Requests a client may send in a burst. @default 120 */
  capacity?: number;
  /** Requests added per second (the sustained rate). @default 2 */
  refillPerSecond?: number;
  /** Events a client may send (a request carries up to 50). @default { capacity: 1000, refillPerSecond: 20 } */
  events?: BucketOptions;
  /** Body bytes a client may send. @default { capacity: 2 MiB, refillPerSecond: 64 KiB } */
  bytes?: BucketOptions;
  /** Clients tracked at once; the least recently seen are forgotten first. @default 10000 */
  maxClients?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const DEFAULT_EVENT_BUCKET: BucketOptions = { capacity: 1000, refillPerSecond: 20 };
export const DEFAULT_BYTE_BUCKET: BucketOptions = { capacity: 2 * 1024 * 1024, refillPerSecond: 64 * 1024 };

/**
 * A bucket that can never fill (capacity 0) blocks everyone and one that never refills answers
 * `Retry-After: Infinity`; both are refused with a sentence naming the option.
 */
export function checkBucket(name: string, bucket: BucketOptions): BucketOptions {
  if (!Number.isInteger(bucket.capacity) || bucket.capacity < 1)
    throw new Error(`${name}: the burst must be a whole number of at least 1, got ${bucket.capacity}`);
  if (!Number.isFinite(bucket.refillPerSecond) || bucket.refillPerSecond <= 0)
    throw new Error(`${name}: the refill per second must be above 0, got ${bucket.refillPerSecond}`);
  return bucket;
}

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

  constructor(options: Partial<BucketOptions> & { maxClients?: number } = {}, name = 'rate limit') {
    const { capacity, refillPerSecond } = checkBucket(name, {
      capacity: options.capacity ?? 120,
      refillPerSecond: options.refillPerSecond ?? 2,
    });
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.maxClients = options.maxClients ?? 10_000;
  }

  /**
   * Seconds until `amount` tokens are there (0: now). An amount above the capacity waits for a full
   * bucket: the largest request the receiver accepts must always get through eventually.
   */
  wait(key: string, nowMs: number, amount = 1): number {
    const needed = Math.min(amount, this.capacity);
    const tokens = this.tokens(key, nowMs);
    return tokens >= needed ? 0 : Math.max(1, Math.ceil((needed - tokens) / this.refillPerSecond));
  }

  /** Takes `amount` tokens, or none when they are not there (an amount above the capacity takes a full bucket). */
  take(key: string, nowMs: number, amount = 1): RateDecision {
    const retryAfterSeconds = this.wait(key, nowMs, amount);
    const tokens = this.tokens(key, nowMs);
    // Delete and set again: Map order becomes least-recently-seen first, which is what we evict.
    this.buckets.delete(key);
    this.buckets.set(key, {
      tokens: retryAfterSeconds > 0 ? tokens : tokens - Math.min(amount, this.capacity),
      updatedAt: nowMs,
    });
    while (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
  }

  get size(): number {
    return this.buckets.size;
  }

  private tokens(key: string, nowMs: number): number {
    const previous = this.buckets.get(key);
    if (!previous) return this.capacity;
    const elapsed = Math.max(0, nowMs - previous.updatedAt) / 1000;
    return Math.min(this.capacity, previous.tokens + elapsed * this.refillPerSecond);
  }
}

/** What one request costs. */
export interface RequestCost {
  events: number;
  bytes: number;
}

/**
 * Three budgets per client: requests (checked before the body is read), events and body bytes
 * (checked once the body is read, before anything is stored). A client that sends few requests
 * full of events, or few events of many bytes, meets a limit too.
 */
export class ClientLimits {
  private readonly requests: TokenBucketLimiter;
  private readonly events: TokenBucketLimiter;
  private readonly bytes: TokenBucketLimiter;

  constructor(options: RateLimitOptions = {}) {
    const maxClients = options.maxClients ?? 10_000;
    this.requests = new TokenBucketLimiter(
      { capacity: options.capacity ?? 120, refillPerSecond: options.refillPerSecond ?? 2, maxClients },
      'rate limit (requests)',
    );
    this.events = new TokenBucketLimiter(
      { ...(options.events ?? DEFAULT_EVENT_BUCKET), maxClients },
      'rate limit (events)',
    );
    this.bytes = new TokenBucketLimiter(
      { ...(options.bytes ?? DEFAULT_BYTE_BUCKET), maxClients },
      'rate limit (bytes)',
    );
  }

  /** One more request, before its body is read. */
  request(key: string, nowMs: number): RateDecision {
    return this.requests.take(key, nowMs);
  }

  /** The request's events and bytes, taken from both budgets or from neither. */
  content(key: string, nowMs: number, cost: RequestCost): RateDecision {
    const retryAfterSeconds = Math.max(
      this.events.wait(key, nowMs, cost.events),
      this.bytes.wait(key, nowMs, cost.bytes),
    );
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
    this.events.take(key, nowMs, cost.events);
    this.bytes.take(key, nowMs, cost.bytes);
    return { allowed: true };
  }
}
