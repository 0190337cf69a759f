// Retry rules as pure functions (spec: consent-events.md, "Retry").

export type Verdict = 'ok' | 'retry' | 'drop';

/**
 * Every 2xx is success. 408, 429 and 5xx are transient, except 501 and 505, which say the server
 * will never accept this request. Other 4xx are permanent: retrying cannot help. Anything else
 * (an opaque 0, a 3xx that was not followed) is retried: when unsure, keep the evidence.
 */
export function verdict(status: number): Verdict {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 408 || status === 429) return 'retry';
  if ((status >= 400 && status < 500) || status === 501 || status === 505) return 'drop';
  return 'retry';
}

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
  if (!value) return undefined;
  const text = value.trim();
  // delay-seconds or an HTTP-date (which always has a day or month name; V8 would read "1.5" as 2001).
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : /[a-z]/i.test(text) ? Date.parse(text) - now : NaN;
  return isNaN(ms) ? undefined : Math.min(capMs, Math.max(0, ms));
}
