// createConsentReporter: wires the outbox, sender, retry rules and tab lock to storage, fetch and the
// page lifecycle (docs/consent-records.md#delivery-contract-of-createconsentreporter). At-least-once while the browser
// keeps its storage; the receiver dedupes on eventId.
import type { ConsentEvent } from '../schema/consent-event.js';
import { uuid } from '../uuid.js';
import { completeEvent } from './event.js';
import { NAME, applyCaps, chainStore, idbStore, localStore } from './outbox.js';
import { storedOutboxExists } from './stored-outbox.js';
import { backoff, parseRetryAfter, retriable } from './retry.js';
import { CONTENT_TYPE, KEEPALIVE_BUDGET, batches, beacon, body, post } from './sender.js';
import { withLock } from './tabs.js';
import type {
  ConsentReporter,
  DropReason,
  Entry,
  ReporterIssue,
  ReporterOptions,
  ReporterTimers,
} from './types.js';

/** How long another tab's "in flight" notice keeps us from sending those events ourselves. */
const REMOTE_TTL = 30_000;

/** Messages between tabs on the BroadcastChannel (short keys: they cost bundle bytes). */
interface TabMessage {
  /** sending: ids now in flight from the sender */
  s?: string[];
  /** ended: ids whose attempt ended; `d` (done): and they left the outbox */
  e?: string[];
  d?: boolean;
  /** gate: the server asked everyone to wait until (Retry-After) */
  g?: number;
  /** pending: a tab left with events pending, someone should send them */
  p?: 1;
}

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

function safely(work: () => unknown) {
  try {
    work();
  } catch {
    // a throwing callback of the host page must not stop delivery
  }
}

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
  const doc: Document | undefined = globalThis.document;
  const win: Window | undefined = globalThis.window;
  const memoryOnly = options.storage === 'memory';
  const listeners = new AbortController();

  const report = (issue: ReporterIssue) => safely(() => options.onError?.(issue));
  // storage: 'memory' is a chain without layers: every entry is kept in memory only.
  const store = chainStore(memoryOnly ? [] : [idbStore(), localStore()], (cause) =>
    report({ code: 'storage', message: 'storage failed, next layer used', cause }),
  );

  /** Everything this tab knows to be pending: own records and entries read from the outbox. */
  const known = new Map<string, Entry>();
  /** Recorded, write not started yet (one write per burst). */
  const unwritten = new Map<string, Entry>();
  /** Removed here, maybe not yet from storage: a pass must not read them back and resend them. */
  const gone = new Set<string>();
  const inflight = new Set<string>();
  /** Beaconed while leaving: not sent again by this page (the next page load resends them). */
  const beaconed = new Set<string>();
  /** In flight from another tab, until. */
  const remote = new Map<string, number>();
  /** Writes and outbox reads, one after the other. */
  let writing: Promise<unknown> = Promise.resolve();
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
  let channel: BroadcastChannel | undefined;
  /** Drops of this microtask by reason, reported together: a burst gives one call, not thousands. */
  let drops: Partial<Record<DropReason, ConsentEvent[]>> | undefined;

  const sleep = (ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms));
  const encode = (entries: Entry[]) => body(entries, now(), transform);
  const ready = ({ id }: Entry) => !inflight.has(id) && !beaconed.has(id) && !((remote.get(id) ?? 0) > now());

  /** Takes entries out of the outbox; with a reason, they were not delivered and onDrop hears of it. */
  async function remove(entries: Entry[], reason?: DropReason) {
    // An entry whose write has not started needs no delete (a burst's drops cost no I/O). One
    // being written is deleted anyway: the delete queues after the put (IndexedDB runs
    // overlapping transactions in order), so a delivered event never reappears to be sent twice.
    const ids: string[] = [];
    for (const entry of entries) {
      known.delete(entry.id);
      if (!unwritten.delete(entry.id) && !entry.mem) {
        ids.push(entry.id);
        gone.add(entry.id);
      }
      if (reason) {
        if (!drops)
          queueMicrotask(() => {
            const due = drops!;
            drops = undefined;
            for (const why in due) safely(() => options.onDrop?.(due[why as DropReason]!, why as DropReason));
          });
        ((drops ??= {})[reason] ??= []).push(entry.event);
      }
    }
    if (ids.length) await store.del(ids);
  }

  // postMessage throws once the channel is closed: close() forgets it.
  const tell = (message: TabMessage) => channel?.postMessage(message);

  /** Applies the caps to what this tab knows; returns what stays, oldest first. */
  async function trim(): Promise<Entry[]> {
    const [keep, expired, overflow] = applyCaps(
      [...known.values()].sort((a, b) => a.at - b.at),
      now(),
      maxEvents,
      maxBytes,
      maxAgeMs,
    );
    // Both leave `known` at once: a burst's next record() must not see them again.
    await Promise.all([remove(expired, 'expired'), remove(overflow, 'overflow')]);
    return keep;
  }

  /** The outbox as it is now (this tab's memory entries + storage), within the caps. */
  async function load(): Promise<Entry[]> {
    // Read in the chain of writes, so no write is running meanwhile: what is neither stored nor
    // still unwritten has left the outbox (another tab delivered it).
    const stored = persisted ? ((await (writing = writing.then(() => store.all()))) as Entry[]) : [];
    const ids = new Set(stored.map((entry) => entry.id));
    for (const [id, entry] of known) if (!entry.mem && !ids.has(id) && !unwritten.has(id)) known.delete(id);
    for (const id of gone) if (!ids.has(id)) gone.delete(id);
    for (const entry of stored)
      if (!inflight.has(entry.id) && !gone.has(entry.id)) known.set(entry.id, entry);
    return trim();
  }

  /**
   * One attempt for one batch. Everything up to `post()` runs synchronously, so when called from
   * a pagehide handler the request is started before the page is frozen.
   */
  async function send(entries: Entry[], leaving?: boolean): Promise<boolean> {
    const ids = entries.map((entry) => entry.id);
    const payload = encode(entries);
    const bytes = new Blob([payload]).size;
    // Keepalive lets the request outlive a navigation (the deep link), within the shared budget.
    const keepalive = keepaliveBytes + bytes <= KEEPALIVE_BUDGET;
    if (leaving && !keepalive) {
      const sendBeacon = (list: Entry[]) =>
        !!nav.sendBeacon?.(endpoint, new Blob([encode(list)], { type: CONTENT_TYPE }));
      for (const entry of beacon(sendBeacon, entries)) beaconed.add(entry.id);
      return true;
    }
    const counted = keepalive ? bytes : 0;
    keepaliveBytes += counted;
    for (const id of ids) inflight.add(id);
    tell({ s: ids });
    let response: Response | undefined;
    try {
      response = await post(fetcher!, endpoint, payload, headers, keepalive);
    } catch {
      // A network error, offline, a CSP or CORS block: retried like a 503. But a keepalive request
      // sent while leaving fails here as the page goes although the browser still delivers it:
      // like a beacon, this page does not send it again (a second leave event would), the next
      // page load or the page coming back into view does.
      if (leaving) for (const id of ids) beaconed.add(id);
    }
    for (const id of ids) inflight.delete(id);
    keepaliveBytes -= counted;
    const status = response?.status ?? 0;
    const done = !retriable(status);
    tell({ e: ids, d: done });
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
        remove(entries.filter((entry) => !refused.includes(entry.id))),
        remove(
          entries.filter((entry) => refused.includes(entry.id)),
          'rejected',
        ),
      ]);
      return true;
    }
    const t = now();
    const wait = parseRetryAfter(response?.headers?.get('retry-after'), t, maxRetryAfterMs);
    if (wait !== undefined) tell({ g: (gate = Math.max(gate, t + wait)) });
    pause = t + (wait ?? backoff(++failures, random, baseDelayMs, maxDelayMs));
    // A server that names its wait (429/503 with Retry-After) paces us: that costs no attempt, or
    // a busy receiver would make us drop consent records; the age limit still ends the retries.
    // `Retry-After: 0` paces nothing and counts, or such a server would get requests in a tight loop.
    const paced = +((wait ?? 0) > 0);
    await remove(
      entries.filter((entry) => ++entry.tries - (entry.p = (entry.p ?? 0) + paced) >= maxAttempts),
      'attempts',
    );
    // The new attempt count, for what is still in the outbox (not dropped, not delivered by another tab).
    await store.put(entries.filter((entry) => !entry.mem && known.has(entry.id)));
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
      for (const batch of batches(await load())) {
        const free = batch.filter(ready);
        if (free.length && !(await send(free))) return;
      }
    };
    if (!persisted) return work();
    if (!channel && typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(NAME);
      channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
        data.s?.forEach((id) => remote.set(id, now() + REMOTE_TTL));
        data.e?.forEach((id) => {
          remote.delete(id);
          if (data.d) known.delete(id);
        });
        if (data.g) gate = Math.max(gate, data.g);
        if (data.p) {
          pause = 0;
          schedule(batchDelayMs);
        }
      };
    }
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
    })().finally(() => (running = undefined)));
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

  /** Leaving the page: send what is pending with keepalive while within budget, else beacon. */
  function leave() {
    if (!endpoint || !fetcher || now() < gate) return;
    const pending = [...known.values()].filter(ready).sort((a, b) => a.at - b.at);
    for (const batch of batches(pending)) void send(batch, true).catch(() => undefined);
    if (known.size) tell({ p: 1 });
  }

  const on = <E extends Event>(
    target: EventTarget | undefined,
    type: string,
    listener: (event: E) => unknown,
  ) =>
    // The controller serves as the options object: its `signal` lets close() remove them all.
    target?.addEventListener(type, (event) => safely(() => listener(event as E)), listeners);
  // Never `unload`/`beforeunload`: they take the page out of the back/forward cache.
  on(doc, 'visibilitychange', () => (doc!.visibilityState === 'hidden' ? leave() : beaconed.clear()));
  on(win, 'pagehide', leave);
  on(win, 'online', () => {
    pause = 0;
    void cycle();
  });
  on(doc, 'securitypolicyviolation', ({ blockedURI, effectiveDirective }: SecurityPolicyViolationEvent) => {
    const target = new URL(endpoint, location.href).href;
    if (!cspReported && blockedURI && target.startsWith(blockedURI)) {
      cspReported = true;
      report({ code: 'csp', message: `CSP ${effectiveDirective} blocks ${target}` });
    }
  });

  // A former page load may have left events: look without creating anything (privacy), then send.
  if (!memoryOnly)
    void storedOutboxExists().then(async (found) => {
      if (found && !closed) {
        persisted = true;
        await cycle();
      }
    });

  return {
    consentFor(channel) {
      let latest: Entry | undefined;
      for (const entry of known.values())
        if (
          entry.event.type === 'consent_given' &&
          entry.event.channel === channel &&
          !(latest && latest.at > entry.at)
        )
          latest = entry;
      return latest?.event.consentId;
    },
    record(input) {
      let eventId = '';
      try {
        eventId = uuid();
        const t = now();
        const event = completeEvent(input, eventId, t, widgetVersion);
        const entry: Entry = {
          id: eventId,
          event,
          tries: 0,
          at: (lastAt = Math.max(t, lastAt + 1e-3)),
          size: JSON.stringify(event).length,
        };
        known.set(eventId, entry);
        // Impression events are memory-only: a visitor who never interacts leaves no trace.
        if (event.type === 'widget_shown') entry.mem = 1;
        else {
          persisted = true;
          // The first of a burst queues one write for all (a burst is one write, not 10,000); the
          // caps cut the burst before it reaches storage.
          if (unwritten.set(eventId, entry).size < 2)
            writing = writing.then(async () => {
              await trim();
              const batch = [...unwritten.values()];
              unwritten.clear();
              await store.put(batch);
            });
        }
        // Sorting once per maxEvents records keeps a burst fast, and memory within twice the cap.
        if (known.size >= 2 * maxEvents) void trim();
        // Sent at once: the visitor is about to leave for the messenger, and these matter most.
        pause = 0;
        schedule(/^(consent_given|withdrawal_requested)$/.test(event.type) ? 0 : batchDelayMs);
      } catch (cause) {
        // Never into the host page. Not in the outbox (an input that is no event, or that JSON cannot
        // hold), the event is lost: say so. The id is still the event's (or a fresh one).
        if (!known.has(eventId)) report({ code: 'record', message: NOT_RECORDED, cause });
      }
      return eventId || uuid();
    },
    async flush(timeoutMs = 10_000) {
      const end = now() + timeoutMs;
      try {
        pause = 0;
        await cycle();
        while (known.size && now() < end) {
          await sleep(Math.max(10, Math.min(Math.max(gate, pause), end) - now()));
          await cycle();
        }
      } catch {
        // fall through to the answer
      }
      return !known.size;
    },
    close() {
      closed = true;
      timers.clearTimeout(timer);
      listeners.abort();
      channel?.close();
      channel = undefined;
    },
  };
}
