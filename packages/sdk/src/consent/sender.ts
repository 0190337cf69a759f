// Turning outbox entries into requests (docs/consent-records.md#delivery-contract-of-createconsentreporter, "Batching", "Leaving the page").
import type { ConsentEvent } from '../schema/consent-event.js';
import type { Entry } from './types.js';

/**
 * text/plain is a CORS-simple content type: no preflight, so a keepalive request or a beacon
 * leaving the page is one request, not two. The receiver accepts it as JSON. A beacon with a
 * string body is sent with exactly this type (Beacon spec, "extract a body").
 */
export const CONTENT_TYPE = 'text/plain;charset=UTF-8';

/**
 * Keepalive requests of a document share a 64 KiB body budget (Fetch spec, "keepalive"); beyond
 * it fetch rejects. We stay under 60 KB and send the rest as beacons.
 */
export const KEEPALIVE_BUDGET = 60_000;

/** Most events and bytes in one request: one batch always fits the keepalive budget if it can. */
export const BATCH_EVENTS = 50;

/** Splits entries (oldest first) into batches of ≤ BATCH_EVENTS and ≤ KEEPALIVE_BUDGET bytes. */
export function batches(entries: Entry[]): Entry[][] {
  const out: Entry[][] = [];
  let batch: Entry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (batch.length && (batch.length >= BATCH_EVENTS || bytes + entry.size > KEEPALIVE_BUDGET - 200)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += entry.size;
  }
  if (batch.length) out.push(batch);
  return out;
}

/** The body of one attempt: `sentAt` and `attempt` are set per attempt, never stored. */
export const body = (
  entries: Entry[],
  now: number,
  transform: (batch: ConsentEvent[]) => string = JSON.stringify,
): string =>
  transform(
    entries.map((entry) => ({
      ...entry.event,
      sentAt: new Date(now).toISOString(),
      attempt: entry.tries + 1,
    })),
  );

/**
 * Hands entries to `send` (navigator.sendBeacon), halving a batch it refuses (the browser's beacon
 * queue is limited too). Returns the entries that were taken. A beacon gets no answer, so these stay
 * in the outbox and are sent again on the next page load; the receiver drops the duplicate.
 * A beacon cannot omit credentials: it carries the cookies the browser holds for the endpoint's
 * origin, which is why it is used only for what the keepalive budget cannot take
 * (docs/consent-records.md#delivery-contract-of-createconsentreporter).
 */
export function beacon(send: (entries: Entry[]) => boolean, entries: Entry[]): Entry[] {
  const half = entries.length >> 1;
  return send(entries)
    ? entries
    : half
      ? [...beacon(send, entries.slice(0, half)), ...beacon(send, entries.slice(half))]
      : [];
}
