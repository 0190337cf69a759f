/**
 * Reply retries (docs/inbound.md#replies-and-the-outbox): exponential backoff with full jitter, base 2 s, cap
 * 10 min, at most 8 attempts; a provider's Retry-After is a floor.
 */
export const REPLY_BACKOFF = { baseMs: 2_000, capMs: 10 * 60_000, maxAttempts: 8 } as const;

/** Delay before the next try, after `attempts` tries so far (≥ 1). `random` in [0, 1). */
export function replyDelayMs(attempts: number, random: number, retryAfterMs?: number): number {
  const ceiling = Math.min(REPLY_BACKOFF.capMs, REPLY_BACKOFF.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.floor(random * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, retryAfterMs);
}
