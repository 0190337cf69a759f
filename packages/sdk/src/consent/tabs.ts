// One sender at a time across tabs (docs/consent-records.md#delivery-contract-of-createconsentreporter, "Tabs"). The outbox is shared by
// every tab of the origin; a send pass holds an exclusive lock from reading the outbox to removing
// what was delivered, so two tabs never send the same event at once.
import { NAME as LOCK } from './outbox.js';

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
  locks: LockManager | undefined,
  storage: () => Storage = () => localStorage,
  ttlMs = 30_000,
): Promise<T> {
  if (locks?.request) return locks.request(LOCK, work);
  const me = Math.random();
  const key = LOCK + '-lease';
  const lease = () => JSON.parse(storage().getItem(key) ?? '[]') as [by?: number, until?: number];
  try {
    // Take a free or expired lease, then look again after a pause: the last writer wins.
    for (let by, until; ([by, until = 0] = lease()), by !== me; await sleep(50))
      if (!by || until < now()) storage().setItem(key, JSON.stringify([me, now() + ttlMs]));
  } catch {
    // no usable localStorage: single tab assumed
  }
  try {
    return await work();
  } finally {
    try {
      if (lease()[0] === me) storage().removeItem(key);
    } catch {
      // nothing to release
    }
  }
}
