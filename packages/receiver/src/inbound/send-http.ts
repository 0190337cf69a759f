import type { SendResult } from './types.js';

/**
 * Shared rules for a reply call's HTTP answer (docs/inbound.md#replies-and-the-outbox): network errors, 408, 429 and
 * 5xx are retried (honouring Retry-After), other 4xx are permanent. Provider modules refine this
 * with what their error bodies say.
 */
export function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function classifyStatus(response: Response, what: string): SendResult {
  if (response.ok) return { status: 'sent' };
  const error = `${what} answered ${response.status}`;
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    const after = retryAfterMs(response);
    return after === undefined ? { status: 'retry', error } : { status: 'retry', error, retryAfterMs: after };
  }
  return { status: 'failed', error };
}

/** Runs a reply call; a network error or timeout is a retry, never a thrown error. */
export async function attempt(what: string, call: () => Promise<SendResult>): Promise<SendResult> {
  try {
    return await call();
  } catch (error) {
    return { status: 'retry', error: `${what}: ${error instanceof Error ? error.name : 'network error'}` };
  }
}

export async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await response.json();
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const jsonPost = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
  signal: AbortSignal.timeout(10_000),
});
