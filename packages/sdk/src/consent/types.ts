// Types of the consent reporter (docs/consent-records.md#delivery-contract-of-createconsentreporter). Type-only imports:
// the reporter must not pull zod into the page (size budget 4 KB).
import type { ConsentEvent } from '../schema/consent-event.js';

/** What `record()` takes: the event without the fields the reporter fills in itself. */
export type RecordInput = Omit<
  ConsentEvent,
  'schema' | 'eventId' | 'occurredAt' | 'sentAt' | 'attempt' | 'page' | 'widget'
> & {
  /** Default: `location.origin` and `location.pathname` (never the query or fragment). */
  page?: ConsentEvent['page'];
};

/**
 * Why events left the outbox without a 2xx:
 * - `rejected`: the endpoint answered a permanent error (4xx other than 408/429, 501, 505), or a
 *   2xx whose `Rejected-Indexes` header lists the event's batch index (`0,3`: the receiver's
 *   answer to a batch with some invalid items; the others count as delivered);
 * - `overflow`: the outbox cap (events or bytes) was hit, the oldest went first;
 * - `expired`: older than `maxAgeMs`;
 * - `attempts`: `maxAttempts` send attempts failed.
 */
export type DropReason = 'rejected' | 'overflow' | 'expired' | 'attempts';

/** Something went wrong that the host page may want to show or log; the reporter carries on. */
export interface ReporterIssue {
  /**
   * `storage`: a storage layer failed and the next one took over; `csp`: the page's CSP blocks the
   * endpoint; `record`: one `record()` stored nothing (the reporter could not start, or the input
   * could not be made into an event): that event is lost.
   */
  code: 'storage' | 'csp' | 'record';
  message: string;
  cause?: unknown;
}

/** Timer functions, injectable so tests can use fake timers without patching globals. */
export interface ReporterTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReporterOptions {
  /** URL the batches are POSTed to (a JSON array of events, sent as `text/plain;charset=UTF-8`). */
  endpoint: string;
  /** Extra request headers. Note: any header makes the request non-simple (CORS preflight), and beacons carry none. @default {} */
  headers?: Record<string, string>;
  /** Builds the request body from a batch, for endpoints with their own format. @default JSON.stringify */
  transform?: (batch: ConsentEvent[]) => string;
  /** Written into every event's `widget.version`. @default '' */
  widgetVersion?: string;
  /** `auto`: IndexedDB, else localStorage, else memory. `memory`: never touch storage. @default 'auto' */
  storage?: 'auto' | 'memory';
  /** Called with events that left the outbox without delivery, and why. Never silent. */
  onDrop?: (events: ConsentEvent[], reason: DropReason) => void;
  /** Called when something degraded (storage fallback, CSP block), or a `record()` stored nothing (`record`). */
  onError?: (issue: ReporterIssue) => void;
  /** Most events kept in the outbox. @default 500 */
  maxEvents?: number;
  /** Most bytes (JSON) kept in the outbox. @default 1_000_000 */
  maxBytes?: number;
  /** Events older than this are dropped. @default 7 days */
  maxAgeMs?: number;
  /** Send attempts per event before it is dropped; answers with a `Retry-After` > 0 do not count. @default 50 */
  maxAttempts?: number;
  /** Backoff base: the n-th consecutive failure waits random(0, min(max, base·2ⁿ⁻¹)). @default 1000 */
  baseDelayMs?: number;
  /** Backoff cap. @default 300_000 */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured. @default 600_000 */
  maxRetryAfterMs?: number;
  /** Batching delay for ordinary events; `consent_given` and `withdrawal_requested` go at once. @default 1000 */
  batchDelayMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default Date.now */
  now?: () => number;
  /** @default Math.random */
  random?: () => number;
  /** @default globalThis.setTimeout / clearTimeout */
  timers?: ReporterTimers;
}

export interface ConsentReporter {
  /** Completes the event, writes it to the outbox and returns its `eventId` at once. Never throws. */
  record(input: RecordInput): string;
  /**
   * The `consentId` of the latest `consent_given` for `channel` still in this browser's outbox, if
   * any: a withdrawal is recorded against the consent it ends (docs/notices.md, "Withdrawal").
   */
  consentFor(channel: string): string | undefined;
  /** Sends what is pending now; resolves `true` once this tab's outbox is empty, `false` on timeout. */
  flush(timeoutMs?: number): Promise<boolean>;
  /** Stops timers and listeners. Pending events stay in the outbox for the next page load. */
  close(): void;
}

/** One outbox entry as stored. */
export interface Entry {
  /** = event.eventId, the storage key */
  id: string;
  event: ConsentEvent;
  /** failed send attempts so far (`attempt` of the next one is tries + 1) */
  tries: number;
  /** of those, answered with a Retry-After: they do not count toward `maxAttempts` (older builds stored it as `p`) */
  paced?: number;
  /** recording order (ms, made strictly increasing), for oldest-first drops and the age limit */
  at: number;
  /** JSON length of the event */
  size: number;
  /** kept in memory only (impression events, or no storage works); never stored */
  memoryOnly?: true;
}
