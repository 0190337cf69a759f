// The pending set: every event this tab knows to be waiting for delivery, kept in step with the
// outbox in storage (docs/consent-records.md#delivery-contract-of-createconsentreporter, "Outbox first").
// A closure, not a class: its names shrink in the bundle (the reporter's budget is 4 KB).
import type { ConsentEvent } from '../schema/consent-event.js';
import type { Store } from './outbox.js';
import { safely } from './safely.js';
import type { DropReason, Entry } from './types.js';

export type Pending = ReturnType<typeof pendingSet>;

export function pendingSet(
  store: Store,
  /** `applyCaps` with the reporter's limits and clock: what stays, what expired, what overflowed. */
  caps: (sorted: Entry[]) => [keep: Entry[], expired: Entry[], overflow: Entry[]],
  maxEvents: number,
  onDrop: ((events: ConsentEvent[], reason: DropReason) => void) | undefined,
) {
  /** Everything this tab knows to be pending: own records and entries read from the outbox. */
  const known = new Map<string, Entry>();
  /** Recorded, write not started yet (one write per burst). */
  const unwritten = new Map<string, Entry>();
  /** Removed here, maybe not yet from storage: a pass must not read them back and resend them. */
  const gone = new Set<string>();
  /** Writes and outbox reads, one after the other. */
  let writing: Promise<unknown> = Promise.resolve();
  /** Drops of this microtask by reason, reported together: a burst gives one call, not thousands. */
  let drops: Partial<Record<DropReason, ConsentEvent[]>> | undefined;

  /** Takes entries out of the outbox; with a reason, they were not delivered and onDrop hears of it. */
  async function remove(entries: Entry[], reason?: DropReason) {
    // An entry whose write has not started needs no delete (a burst's drops cost no I/O). One
    // being written is deleted anyway: the delete queues after the put (IndexedDB runs
    // overlapping transactions in order), so a delivered event never reappears to be sent twice.
    const ids: string[] = [];
    for (const entry of entries) {
      known.delete(entry.id);
      if (!unwritten.delete(entry.id) && !entry.memoryOnly) {
        ids.push(entry.id);
        gone.add(entry.id);
      }
      if (reason) {
        if (!drops)
          queueMicrotask(() => {
            const due = drops!;
            drops = undefined;
            for (const why in due) safely(() => onDrop?.(due[why as DropReason]!, why as DropReason));
          });
        ((drops ??= {})[reason] ??= []).push(entry.event);
      }
    }
    if (ids.length) await store.del(ids);
  }

  /** What this tab knows, oldest first. */
  const list = () => [...known.values()].sort((a, b) => a.at - b.at);

  /** Applies the caps to what this tab knows; returns what stays, oldest first. */
  async function trim(): Promise<Entry[]> {
    const [keep, expired, overflow] = caps(list());
    // Both leave `known` at once: a burst's next record() must not see them again.
    await Promise.all([remove(expired, 'expired'), remove(overflow, 'overflow')]);
    return keep;
  }

  return {
    remove,
    size: () => known.size,
    list,
    has: (id: string) => known.has(id),
    /** Another tab delivered these: they left the outbox. */
    forget: (ids: string[]) => ids.forEach((id) => known.delete(id)),

    /** A new record; `stored`: it goes to storage too (all but impression events). */
    add(entry: Entry, stored: boolean) {
      known.set(entry.id, entry);
      if (!stored) entry.memoryOnly = true;
      // The first of a burst queues one write for all (a burst is one write, not 10,000); the
      // caps cut the burst before it reaches storage.
      else if (unwritten.set(entry.id, entry).size < 2)
        writing = writing.then(async () => {
          await trim();
          const batch = [...unwritten.values()];
          unwritten.clear();
          await store.put(batch);
        });
      // Sorting once per maxEvents records keeps a burst fast, and memory within twice the cap.
      if (known.size >= 2 * maxEvents) void trim();
    },

    /**
     * The outbox as it is now (this tab's memory entries + storage, unless nothing was ever
     * stored), within the caps; entries `busy` here are left as they are.
     */
    async load(stored: boolean, busy: ReadonlySet<string>): Promise<Entry[]> {
      // Read in the chain of writes, so no write is running meanwhile: what is neither stored nor
      // still unwritten has left the outbox (another tab delivered it).
      const found = stored ? ((await (writing = writing.then(() => store.all()))) as Entry[]) : [];
      const ids = new Set(found.map((entry) => entry.id));
      for (const [id, entry] of known)
        if (!entry.memoryOnly && !ids.has(id) && !unwritten.has(id)) known.delete(id);
      for (const id of gone) if (!ids.has(id)) gone.delete(id);
      for (const entry of found) if (!busy.has(entry.id) && !gone.has(entry.id)) known.set(entry.id, entry);
      return trim();
    },

    /** The `consentId` of the latest `consent_given` for `channel`. */
    consentFor: (channel: string) =>
      list()
        .filter(({ event }) => event.type === 'consent_given' && event.channel === channel)
        .pop()?.event.consentId,
  };
}
