// createConsentReporter: wires the outbox, sender, retry rules and tab lock to storage, fetch and the
// page lifecycle (spec: consent-events.md, "Delivery contract"). At-least-once while the browser
// keeps its storage; the receiver dedupes on eventId.
import type { ConsentEvent } from '../schema/consent-event.js';
import { completeEvent, uuid } from './event.js';
import { NAME, applyCaps, chainStore, idbStore, localStore, memoryStore, type Store } from './outbox.js';
import { backoff, parseRetryAfter, verdict } from './retry.js';
import { KEEPALIVE_BUDGET, batches, beacon, body, byteLength, post } from './sender.js';
import { withLock } from './tabs.js';
import type {
  ConsentReporter,
  DropReason,
  Entry,
  ReporterIssue,
  ReporterOptions,
  ReporterTimers,
} from './types.js';

/** Sent at once: the visitor is about to leave for the messenger, and these matter most. */
const URGENT = new Set(['consent_given', 'withdrawal_requested']);

/** How long another tab's "in flight" notice keeps us from sending those events ourselves. */
const REMOTE_TTL = 30_000;

/** Messages between tabs on the BroadcastChannel (short keys: they cost bundle bytes). */
interface TabMessage {
  /** sending: ids now in flight from the sender */
  s?: string[];
  /** ended: ids whose attempt ended; `d` (done): and they left the outbox */
  e?: string[];
  d?: 1;
  /** gate: the server asked everyone to wait until (Retry-After) */
  g?: number;
  /** pending: a tab left with events pending, someone should send them */
  p?: 1;
}

export function createConsentReporter(options: ReporterOptions): ConsentReporter {
  try {
    return create(options);
  } catch {
    // Never throw into the host page, even for a broken options object.
    return { record: () => uuid(), flush: async () => false, close() {} };
  }
}

function create(options: ReporterOptions): ConsentReporter {
  const {
    endpoint,
    headers = {},
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
  const caps = { maxEvents, maxBytes, maxAgeMs };
  const fetcher = options.fetch ?? globalThis.fetch?.bind(globalThis);
  const nav: Partial<Navigator> = globalThis.navigator ?? {};
  const doc: Document | undefined = globalThis.document;
  const win: Window | undefined = globalThis.window;
  const memoryOnly = options.storage === 'memory';

  const report = (issue: ReporterIssue) => safely(() => options.onError?.(issue));
  const store: Store = memoryOnly
    ? memoryStore()
    : chainStore([idbStore(), localStore(), memoryStore()], (cause) =>
        report({ code: 'storage', message: 'storage failed, next layer used', cause }),
      );

  /** Everything this tab knows to be pending, oldest first: own records and entries read from the outbox. */
  const known = new Map<string, Entry>();
  /** Recorded, write not started yet (one write per microtask)… */
  const unwritten = new Map<string, Entry>();
  /** …and write in progress. */
  const saving = new Set<string>();
  /** Removed here, maybe not yet from storage: a pass must not read them back and resend them. */
  const gone = new Set<string>();
  let writing: Promise<unknown> = Promise.resolve();
  let queued = false;
  /** Touch storage only after the visitor's first interaction (or when a former page left events). */
  let persisted = false;
  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: unknown;
  let timerAt = Infinity;
  let timerForce = false;
  /** Server-requested pause (Retry-After), honoured by every trigger. */
  let gate = 0;
  /** Backoff pause after consecutive failures; a record, `online`, page load or flush skips it. */
  let pause = 0;
  let failures = 0;
  let keepaliveBytes = 0;
  let lastAt = 0;
  let cspReported = false;
  const inflight = new Set<string>();
  /** Beaconed while leaving: not sent again by this page (the next page load resends them). */
  const beaconed = new Set<string>();
  const remote = new Map<string, number>();
  let channel: BroadcastChannel | undefined;
  let drops: Array<[Entry, DropReason]> = [];

  const sleep = (ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms));
  const encode = (entries: Entry[]) => body(entries, now(), transform);
  const busy = (id: string) => inflight.has(id) || beaconed.has(id) || (remote.get(id) ?? 0) > now();

  function safely(work: () => void) {
    try {
      work();
    } catch {
      // a throwing callback of the host page must not stop delivery
    }
  }

  /** Reports drops once per microtask, grouped by reason: a burst gives one call, not thousands. */
  function drop(list: Array<[Entry, DropReason]>) {
    if (!list.length) return;
    for (const [entry] of list) known.delete(entry.id);
    if (!drops.length)
      queueMicrotask(() => {
        const byReason = new Map<DropReason, ConsentEvent[]>();
        for (const [entry, reason] of drops)
          (byReason.get(reason) ?? byReason.set(reason, []).get(reason)!).push(entry.event);
        drops = [];
        byReason.forEach((events, reason) => safely(() => options.onDrop?.(events, reason)));
      });
    drops.push(...list);
  }

  async function remove(entries: Entry[]) {
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
    }
    if (ids.length) await store.del(ids).catch(() => undefined);
  }

  function tell(message: TabMessage) {
    try {
      channel?.postMessage(message);
    } catch {
      // channel closed
    }
  }

  function listen() {
    if (channel || closed || typeof BroadcastChannel !== 'function') return;
    channel = new BroadcastChannel(NAME);
    channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
      data.s?.forEach((id) => remote.set(id, now() + REMOTE_TTL));
      data.e?.forEach((id) => {
        remote.delete(id);
        if (data.d) known.delete(id);
      });
      if (data.g) gate = Math.max(gate, data.g);
      if (data.p) schedule(batchDelayMs, true);
    };
  }

  /**
   * Writes what was recorded, one transaction per microtask (a burst is one write, not 10,000).
   * Chained at once, so a send pass that awaits `writing` sees the event in storage; `saving`
   * keeps a pass from mistaking an event whose write is still running for delivered.
   */
  function write() {
    queued = true;
    writing = writing.then(async () => {
      queued = false;
      // A burst is cut to the caps before it reaches storage.
      await trim();
      const batch = [...unwritten.values()];
      unwritten.clear();
      for (const entry of batch) saving.add(entry.id);
      if (batch.length) await store.put(batch).catch(() => undefined);
      for (const entry of batch) saving.delete(entry.id);
    });
  }

  /** Applies the caps to what this tab knows; returns what stays, oldest first. */
  async function trim(): Promise<Entry[]> {
    const { keep, drop: gone } = applyCaps(
      [...known.values()].sort((a, b) => a.at - b.at),
      now(),
      caps,
    );
    drop(gone);
    await remove(gone.map(([entry]) => entry));
    return keep;
  }

  /** The outbox as it is now (this tab's memory entries + storage), within the caps. */
  async function load(): Promise<Entry[]> {
    await writing;
    const stored = persisted ? await store.all().catch(() => [] as Entry[]) : [];
    const ids = new Set(stored.map((entry) => entry.id));
    // Gone from storage but still known here: another tab delivered it.
    for (const [id, entry] of known)
      if (!entry.mem && !ids.has(id) && !unwritten.has(id) && !saving.has(id)) known.delete(id);
    for (const id of gone) if (!ids.has(id)) gone.delete(id);
    for (const entry of stored)
      if (!inflight.has(entry.id) && !gone.has(entry.id)) known.set(entry.id, entry);
    return trim();
  }

  /**
   * One attempt for one batch. Everything up to `post()` runs synchronously, so when called from
   * a pagehide handler the request is started before the page is frozen.
   */
  async function send(entries: Entry[], leaving = false): Promise<boolean> {
    const ids = entries.map((entry) => entry.id);
    const payload = encode(entries);
    const bytes = byteLength(payload);
    // Keepalive lets the request outlive a navigation (the deep link), within the shared budget.
    const keepalive = keepaliveBytes + bytes <= KEEPALIVE_BUDGET;
    if (leaving && !keepalive) {
      beacon(nav.sendBeacon?.bind(nav) ?? (() => false), endpoint, entries, encode).forEach((entry) =>
        beaconed.add(entry.id),
      );
      return true;
    }
    ids.forEach((id) => inflight.add(id));
    if (keepalive) keepaliveBytes += bytes;
    tell({ s: ids });
    let status = 0;
    let retryAfter: string | null = null;
    try {
      const response = await post(fetcher, endpoint, payload, headers, keepalive);
      status = response.status;
      retryAfter = response.headers.get('retry-after');
    } catch {
      // network error, offline, CSP or CORS block: retried like a 503
    } finally {
      ids.forEach((id) => inflight.delete(id));
      if (keepalive) keepaliveBytes -= bytes;
    }
    const outcome = verdict(status);
    tell(outcome === 'retry' ? { e: ids } : { e: ids, d: 1 });
    if (outcome !== 'retry') {
      failures = 0;
      await remove(entries);
      if (outcome === 'drop') drop(entries.map((entry) => [entry, 'rejected']));
      return true;
    }
    const t = now();
    const wait = parseRetryAfter(retryAfter, t, maxRetryAfterMs);
    if (wait !== undefined) {
      gate = Math.max(gate, t + wait);
      tell({ g: gate });
    }
    pause = t + (wait ?? backoff(++failures, random, baseDelayMs, maxDelayMs));
    const spent: Entry[] = [];
    const kept: Entry[] = [];
    for (const entry of entries) (++entry.tries >= maxAttempts ? spent : kept).push(entry);
    if (spent.length) {
      await remove(spent);
      drop(spent.map((entry) => [entry, 'attempts']));
    }
    const toStore = kept.filter((entry) => !entry.mem && known.has(entry.id));
    if (toStore.length) await store.put(toStore).catch(() => undefined);
    schedule(pause - now(), false);
    return false;
  }

  /** One send pass under the tab lock: read the outbox, send due batches, stop at the first failure. */
  async function pass(force: boolean) {
    if (!endpoint || !fetcher) return;
    // Offline: a request would only fail and burn an attempt; `online` starts the next pass.
    if (nav.onLine === false) return;
    const wait = Math.max(gate, force ? 0 : pause) - now();
    if (wait > 0) return schedule(wait, force);
    const work = async () => {
      for (const batch of batches(await load())) {
        const free = batch.filter((entry) => !busy(entry.id));
        if (free.length && !(await send(free))) return;
      }
    };
    if (persisted) {
      listen();
      await withLock(work, now, sleep);
    } else await work();
  }

  function cycle(force: boolean): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let first = true;
      while ((first || again) && !closed) {
        first = false;
        again = false;
        try {
          await pass(force);
        } catch {
          // storage or lock failure: the entries stay, the next trigger retries
        }
      }
    })().finally(() => (running = undefined));
    return running;
  }

  function schedule(delay: number, force: boolean) {
    if (closed) return;
    delay = Math.max(0, delay);
    const at = now() + delay;
    timerForce ||= force;
    if (timer !== undefined && timerAt <= at) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timerAt = at;
    timer = timers.setTimeout(() => {
      timer = undefined;
      timerAt = Infinity;
      const forced = timerForce;
      timerForce = false;
      void cycle(forced);
    }, delay);
  }

  /** Leaving the page: send what is pending with keepalive while within budget, else beacon. */
  function leave() {
    if (!endpoint || !fetcher || now() < gate) return;
    const pending = [...known.values()].filter((entry) => !busy(entry.id)).sort((a, b) => a.at - b.at);
    for (const batch of batches(pending)) void send(batch, true).catch(() => undefined);
    if (known.size) tell({ p: 1 });
  }

  const onHidden = () => safely(() => doc?.visibilityState === 'hidden' && leave());
  const onLeave = () => safely(leave);
  const onOnline = () => safely(() => void cycle(true));
  const onViolation = (event: SecurityPolicyViolationEvent) =>
    safely(() => {
      const target = new URL(endpoint, location.href).href;
      if (!cspReported && event.blockedURI && target.startsWith(event.blockedURI)) {
        cspReported = true;
        report({ code: 'csp', message: `CSP ${event.effectiveDirective} blocks ${target}` });
      }
    });
  // Never `unload`/`beforeunload`: they take the page out of the back/forward cache.
  doc?.addEventListener('visibilitychange', onHidden);
  doc?.addEventListener('securitypolicyviolation', onViolation);
  win?.addEventListener('pagehide', onLeave);
  win?.addEventListener('online', onOnline);

  // A former page load may have left events: look without creating anything (privacy), then send.
  void (async () => {
    if (memoryOnly) return;
    let found = false;
    try {
      found = !!globalThis.localStorage?.getItem(NAME);
    } catch {
      // blocked storage
    }
    try {
      found ||= (await indexedDB.databases()).some((database) => database.name === NAME);
    } catch {
      // no IndexedDB or no databases(): then only a record() opens it
    }
    if (found && !closed) {
      persisted = true;
      await cycle(true);
    }
  })().catch(() => undefined);

  return {
    record(input) {
      let eventId = '';
      try {
        eventId = uuid();
        const t = now();
        lastAt = Math.max(t, lastAt + 1e-3);
        const event = completeEvent(input, eventId, t, widgetVersion);
        const entry: Entry = { id: eventId, event, tries: 0, at: lastAt, size: JSON.stringify(event).length };
        // Impression events are memory-only: a visitor who never interacts leaves no trace.
        if (event.type === 'widget_shown') entry.mem = 1;
        else persisted = true;
        known.set(eventId, entry);
        if (!entry.mem) {
          unwritten.set(eventId, entry);
          if (!queued) write();
        }
        // Sorting once per maxEvents records keeps a burst fast, and memory within twice the cap.
        if (known.size >= 2 * maxEvents) void trim();
        schedule(URGENT.has(event.type) ? 0 : batchDelayMs, true);
      } catch {
        // never into the host page; the id is still the event's (or a fresh one)
      }
      return eventId || uuid();
    },
    async flush(timeoutMs = 10_000) {
      const end = now() + timeoutMs;
      try {
        await cycle(true);
        while (known.size && now() < end) {
          await sleep(Math.max(10, Math.min(Math.max(gate, pause) - now(), end - now())));
          await cycle(false);
        }
      } catch {
        // fall through to the answer
      }
      return known.size === 0;
    },
    close() {
      closed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      doc?.removeEventListener('visibilitychange', onHidden);
      doc?.removeEventListener('securitypolicyviolation', onViolation);
      win?.removeEventListener('pagehide', onLeave);
      win?.removeEventListener('online', onOnline);
      channel?.close();
    },
  };
}
