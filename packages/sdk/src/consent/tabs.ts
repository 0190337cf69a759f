// One sender at a time across tabs (spec: consent-events.md, "Tabs"). The outbox is shared by
// every tab of the origin; a send pass holds an exclusive lock from reading the outbox to removing
// what was delivered, so two tabs never send the same event at once.

export const LOCK = 'messenger-optin-outbox';

type Sleep = (ms: number) => Promise<void>;

/**
 * Web Locks where available. Otherwise a lease in localStorage with an expiry (a crashed tab
 * cannot block the others longer than `ttlMs`); localStorage between tabs is only eventually
 * consistent, so the lease is read back after a pause before it counts. Without either, a
 * single-tab browser is assumed and the work just runs.
 */
export async function withLock<T>(
  work: () => Promise<T>,
  now: () => number,
  sleep: Sleep,
  locks: LockManager | undefined = globalThis.navigator?.locks,
  storage: () => Storage = () => localStorage,
  ttlMs = 30_000,
): Promise<T> {
  if (locks?.request) return locks.request(LOCK, work);
  const me = Math.random().toString(36).slice(2);
  const key = `${LOCK}-lease`;
  const holder = () => JSON.parse(storage().getItem(key) ?? 'null') as { by: string; until: number } | null;
  let held = false;
  try {
    for (let waited = 0; !held && waited < ttlMs; waited += 50) {
      const lease = holder();
      if (!lease || lease.until < now() || lease.by === me) {
        storage().setItem(key, JSON.stringify({ by: me, until: now() + ttlMs }));
        await sleep(30);
        held = holder()?.by === me;
      }
      if (!held) await sleep(50);
    }
  } catch {
    // no usable localStorage: single tab assumed
  }
  try {
    return await work();
  } finally {
    try {
      if (holder()?.by === me) storage().removeItem(key);
    } catch {
      // nothing to release
    }
  }
}
