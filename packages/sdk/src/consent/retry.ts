// Retry rules as pure functions (docs/consent-records.md#delivery-contract-of-createconsentreporter, "Retry").

/**
 * Whether an attempt that ended with `status` should be retried. Done (not retried): every 2xx
 * (success); other 4xx except 408 and 429, and 501 and 505, which say the server will never accept
 * this request (permanent: retrying cannot help). Everything else is transient: 408, 429, 5xx, and
 * 0 for a network error or an opaque answer, a 3xx that was not followed: when unsure, keep the evidence.
 */
export const retriable = (status: number): boolean => !/^(2..|4(?!08|29)..|50[15])$/.test(String(status));

/** Exponential backoff with full jitter: random(0, min(cap, base·2^(failures-1))), failures ≥ 1. */
export function backoff(failures: number, random: () => number, baseMs: number, capMs: number): number {
  return random() * Math.min(capMs, baseMs * 2 ** (failures - 1));
}

/** `Retry-After` as delay in ms (seconds or an HTTP date), capped; undefined if absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  capMs: number,
): number | undefined {
  const text = value?.trim() ?? '';
  // delay-seconds or an HTTP-date (which always has a day or month name; V8 would read "1.5" as 2001).
  const ms = /^\d+$/.test(text) ? +text * 1000 : /[a-z]/i.test(text) ? Date.parse(text) - now : NaN;
  return isNaN(ms) ? undefined : Math.min(capMs, Math.max(0, ms));
}
