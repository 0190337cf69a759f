// createConsentReporter: wires the pending set, sender, retry rules, tab lock and tab messages to
// storage, fetch and the page lifecycle (docs/consent-records.md#delivery-contract-of-createconsentreporter).
// At-least-once while the browser keeps its storage; the receiver dedupes on eventId.
import { uuid } from '../uuid.js';
import { completeEvent } from './event.js';
import { applyCaps, chainStore, idbStore, localStore } from './outbox.js';
import { watchPage } from './page-lifecycle.js';
import { pendingSet } from './pending.js';
import { storedOutboxExists } from './stored-outbox.js';
import { backoff, parseRetryAfter, retriable } from './retry.js';
import { safely } from './safely.js';
import { CONTENT_TYPE, KEEPALIVE_BUDGET, batches, beacon, body } from './sender.js';
import { tabSync, type TabSync } from './tab-sync.js';
import { withLock } from './tabs.js';
import type { ConsentReporter, Entry, ReporterIssue, ReporterOptions, ReporterTimers } from './types.js';

export function createConsentReporter(options: ReporterOptions): ConsentReporter {
  try {
    return create(options);
  } catch (cause) {
    // Never throw into the host page, even for a broken options object or a browser without
    // AbortController; but every event recorded then is lost, and the page hears of each.
    return {
      record: () => (
        safely(() => options.onError?.({ code: 'record', message: NOT_RECORDED, cause })),
        uuid()
      ),
      consentFor: () => undefined,
      flush: async () => false,
      close() {},
    };
  }
}

const NOT_RECORDED = 'consent event not recorded';

function create(options: ReporterOptions): ConsentReporter {
  const {
    endpoint,
    headers,
    transform,
    widgetVersion = '',
    maxEvents = 500,
    maxBytes = 1_000_000,
    maxAgeMs = 7 * 864e5,
    maxAttempts = 50,
    baseDelayMs = 1000,
    maxDelayMs = 300_000,
    maxRetryAfterMs = 600_000,
    batchDelayMs = 1000,
    now = Date.now,
    random = Math.random,
    timers = globalThis as unknown as ReporterTimers,
  } = options;
  const fetcher = options.fetch ?? globalThis.fetch?.bind(globalThis);
  const nav: Partial<Navigator> = globalThis.navigator ?? {};
  const memoryOnly = options.storage === 'memory';
  const listeners = new AbortController();

  const report = (issue: ReporterIssue) => safely(() => options.onError?.(issue));
  // storage: 'memory' is a chain without layers: every entry is kept in memory only.
  const store = chainStore(memoryOnly ? [] : [idbStore(), localStore()], (cause) =>
    report({ code: 'storage', message: 'storage failed, next layer used', cause }),
  );
  const pending = pendingSet(
    store,
    (sorted) => applyCaps(sorted, now(), maxEvents, maxBytes, maxAgeMs),
    maxEvents,
    options.onDrop,
  );

  /** The other tabs, once the outbox is in storage. */
  let tabs: TabSync | undefined;
  const inflight = new Set<string>();
  /** Beaconed while leaving: not sent again by this page (the next page load resends them). */
  const beaconed = new Set<string>();
  /** How often the page was hidden or left: a request that fails across one may still arrive. */
  let leaves = 0;
  /** Touch storage only after the visitor's first interaction (or when a former page left events). */
  let persisted = false;
  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: unknown;
  let timerAt = Infinity;
  /** Server-requested pause (Retry-After), honoured by every trigger. */
  let gate = 0;
  /** Backoff pause after consecutive failures; a record, `online`, a tab that left or flush ends it. */
  let pause = 0;
  let failures = 0;
  let keepaliveBytes = 0;
  let lastAt = 0;
  let cspReported = false;

  const sleep = (ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms));
  const encode = (entries: Entry[]) => body(entries, now(), transform);
  const ready = ({ id }: Entry) => !inflight.has(id) && !beaconed.has(id) && !tabs?.busy(id);

  /**
   * One attempt for one batch. Everything up to `fetch()` runs synchronously, so when called from
   * a pagehide handler the request is started before the page is frozen.
   */
  async function send(entries: Entry[], leaving?: boolean): Promise<boolean> {
    const ids = entries.map((entry) => entry.id);
    const left = leaves;
    const payload = encode(entries);
    const bytes = new Blob([payload]).size;
    // Keepalive lets the request outlive a navigation (the deep link), within the shared budget.
    const keepalive = keepaliveBytes + bytes <= KEEPALIVE_BUDGET;
    if (leaving && !keepalive) {
      // A string body is sent as text/plain;charset=UTF-8, our CONTENT_TYPE.
      const sendBeacon = (list: Entry[]) => !!nav.sendBeacon?.(endpoint, encode(list));
      for (const entry of beacon(sendBeacon, entries)) beaconed.add(entry.id);
      return true;
    }
    const counted = keepalive ? bytes : 0;
    keepaliveBytes += counted;
    for (const id of ids) inflight.add(id);
    tabs?.tell({ sending: ids });
    let response: Response | undefined;
    try {
      response = await fetcher!(endpoint, {
        method: 'POST',
        body: payload,
        headers: { 'content-type': CONTENT_TYPE, ...headers },
        keepalive,
        // No cookies: the event carries everything the receiver needs, and nothing identifying.
        credentials: 'omit',
      });
    } catch {
      // A network error, offline, a CSP or CORS block: retried like a 503. But a keepalive request
      // fails here as the page goes although the browser still delivers it: like a beacon, this
      // page does not send it again (a second leave event would), the next page load or the page
      // coming back into view does. Chromium rejects it when the navigation commits, in the task
      // that then fires pagehide, and this catch runs before the reporter's pagehide listener: so
      // the events stay in flight for one more task, by when the page has left (or is gone).
      if (keepalive) await sleep(0);
      if (leaving || leaves > left) for (const id of ids) beaconed.add(id);
    }
    for (const id of ids) inflight.delete(id);
    keepaliveBytes -= counted;
    const status = response?.status ?? 0;
    const done = !retriable(status);
    tabs?.tell({ ended: ids, done });
    if (done) {
      failures = 0;
      // A 2xx can still refuse single items: the receiver keeps the others and lists the refused
      // ones' batch indexes in `Rejected-Indexes: 0,3` (the body's `rejected` says why). A header,
      // not the body: reading the body of a keepalive answer while the page leaves for the
      // messenger made Chromium send the batch a second time. No such header: all arrived.
      const refused =
        status > 299
          ? ids
          : (response!.headers?.get('rejected-indexes') ?? '')
              .split(',')
              .map((index) => /^\s*\d+\s*$/.test(index) && ids[+index]);
      await Promise.all([
        pending.remove(entries.filter((entry) => !refused.includes(entry.id))),
        pending.remove(
          entries.filter((entry) => refused.includes(entry.id)),
          'rejected',
        ),
      ]);
      return true;
    }
    const t = now();
    const wait = parseRetryAfter(response?.headers?.get('retry-after'), t, maxRetryAfterMs);
    if (wait !== undefined) tabs?.tell({ gate: (gate = Math.max(gate, t + wait)) });
    pause = t + (wait ?? backoff(++failures, random, baseDelayMs, maxDelayMs));
    // A server that names its wait (429/503 with Retry-After) paces us: that costs no attempt, or
    // a busy receiver would make us drop consent records; the age limit still ends the retries.
    // `Retry-After: 0` paces nothing and counts, or such a server would get requests in a tight loop.
    const paced = +((wait ?? 0) > 0);
    await pending.remove(
      entries.filter((entry) => ++entry.tries - (entry.paced = (entry.paced ?? 0) + paced) >= maxAttempts),
      'attempts',
    );
    // The new attempt counts, for what is still in the outbox (not dropped, not delivered elsewhere).
    await store.put(entries.filter((entry) => !entry.memoryOnly && pending.has(entry.id)));
    schedule(pause - now());
    return false;
  }

  /** One send pass under the tab lock: read the outbox, send due batches, stop at the first failure. */
  async function pass() {
    // Offline: a request would only fail and burn an attempt; `online` starts the next pass.
    if (closed || !endpoint || !fetcher || nav.onLine === false) return;
    const wait = Math.max(gate, pause) - now();
    if (wait > 0) return schedule(wait);
    const work = async () => {
      for (const batch of batches(await pending.load(persisted, inflight))) {
        const free = batch.filter(ready);
        if (free.length && !(await send(free))) return;
      }
    };
    if (!persisted) return work();
    tabs ??= tabSync(
      now,
      pending.forget,
      (until) => (gate = Math.max(gate, until)),
      () => {
        pause = 0;
        schedule(batchDelayMs);
      },
    );
    await withLock(work, now, sleep, nav.locks);
  }

  function cycle(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    return (running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch {
          // storage or lock failure: the entries stay, the next trigger retries
        }
      } while (again);
      // After the first `await`, so `running` is set by then; nothing above throws.
      running = undefined;
    })());
  }

  /** Runs a pass after `delay`, unless one is due sooner. */
  function schedule(delay: number) {
    const at = now() + delay;
    if (closed || timerAt <= at) return;
    timers.clearTimeout(timer);
    timerAt = at;
    timer = timers.setTimeout(() => {
      timerAt = Infinity;
      void cycle();
    }, delay);
  }

  watchPage(
    endpoint,
    listeners,
    // Leaving the page: send what is pending with keepalive while within budget, else beacon.
    () => {
      leaves++;
      if (!endpoint || !fetcher || now() < gate) return;
      for (const batch of batches(pending.list().filter(ready)))
        void send(batch, true).catch(() => undefined);
      if (pending.size()) tabs?.tell({ pending: true });
    },
    () => beaconed.clear(),
    () => {
      pause = 0;
      void cycle();
    },
    (target, directive) => {
      if (cspReported) return;
      cspReported = true;
      report({ code: 'csp', message: `CSP ${directive} blocks ${target}` });
    },
  );

  // A former page load may have left events: look without creating anything (privacy), then send.
  if (!memoryOnly)
    void storedOutboxExists().then(async (found) => {
      if (found && !closed) {
        persisted = true;
        await cycle();
      }
    });

  return {
    consentFor: pending.consentFor,
    record(input) {
      let eventId = '';
      try {
        eventId = uuid();
        const t = now();
        const event = completeEvent(input, eventId, t, widgetVersion);
        // Impression events are memory-only: a visitor who never interacts leaves no trace.
        const stored = event.type !== 'widget_shown';
        if (stored) persisted = true;
        pending.add(
          {
            id: eventId,
            event,
            tries: 0,
            at: (lastAt = Math.max(t, lastAt + 1e-3)),
            size: JSON.stringify(event).length,
          },
          stored,
        );
        // Sent at once: the visitor is about to leave for the messenger, and these matter most.
        pause = 0;
        schedule(/^(consent_given|withdrawal_requested)$/.test(event.type) ? 0 : batchDelayMs);
      } catch (cause) {
        // Never into the host page. Not in the outbox (an input that is no event, or that JSON cannot
        // hold), the event is lost: say so. The id is still the event's (or a fresh one).
        if (!pending.has(eventId)) report({ code: 'record', message: NOT_RECORDED, cause });
      }
      return eventId || uuid();
    },
    async flush(timeoutMs = 10_000) {
      const end = now() + timeoutMs;
      try {
        pause = 0;
        await cycle();
        while (pending.size() && now() < end) {
          await sleep(Math.max(10, Math.min(Math.max(gate, pause), end) - now()));
          await cycle();
        }
      } catch {
        // fall through to the answer
      }
      return !pending.size();
    },
    close() {
      closed = true;
      timers.clearTimeout(timer);
      listeners.abort();
      tabs?.close();
    },
  };
}
