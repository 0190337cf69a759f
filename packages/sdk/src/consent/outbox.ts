// The outbox: where an event waits until a 2xx (docs/consent-records.md#delivery-contract-of-createconsentreporter, "Outbox first").
// IndexedDB, else localStorage, else memory (entries marked `mem`). Every storage call may throw or reject
// (QuotaExceededError, storage blocked in private modes, missing APIs): the chain catches it and
// moves on to the next layer, so `record()` never fails because of storage.
import { NAME } from './stored-outbox.js';
import type { Entry } from './types.js';

export interface Store {
  all(): Promise<Entry[]>;
  /** Insert or replace by id. */
  put(entries: Entry[]): Promise<void>;
  del(ids: string[]): Promise<void>;
}

export { NAME };

/** The whole outbox as one JSON array under one key: small (capped at 1 MB), read and written at once. */
export function localStore(storage: () => Storage = () => localStorage): Store {
  const read = (): Entry[] => JSON.parse(storage().getItem(NAME) ?? '[]') as Entry[];
  const write = (entries: Entry[]) =>
    // An empty outbox leaves nothing behind in the visitor's storage.
    entries.length ? storage().setItem(NAME, JSON.stringify(entries)) : storage().removeItem(NAME);
  const without = (ids: string[]) => read().filter((entry) => !ids.includes(entry.id));
  return {
    all: async () => read(),
    put: async (entries) => write([...without(entries.map((entry) => entry.id)), ...entries]),
    del: async (ids) => write(without(ids)),
  };
}

export function idbStore(factory: () => IDBFactory = () => indexedDB): Store {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise((resolve, reject) => {
      const request = factory().open(NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('outbox', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }));
  const run = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void) =>
    open().then(
      (database) =>
        new Promise<T>((resolve, reject) => {
          // strict: the event is on disk when the transaction completes (it is evidence).
          const tx = database.transaction('outbox', mode, { durability: 'strict' });
          const request = work(tx.objectStore('outbox'));
          tx.oncomplete = () => resolve(request?.result as T);
          tx.onerror = tx.onabort = () => reject(tx.error);
        }),
    );
  return {
    all: () => run('readonly', (store) => store.getAll() as IDBRequest<Entry[]>),
    put: (entries) => run('readwrite', (store) => entries.forEach((entry) => store.put(entry))),
    del: (ids) => run('readwrite', (store) => ids.forEach((id) => store.delete(id))),
  };
}

/**
 * Writes go to the first layer that works; a failing layer is left for good (and reported). When
 * no layer is left (or there was none: `storage: 'memory'`), the entries are marked memory-only
 * (`mem`), so the reporter keeps them in memory and sends them from there. Reads merge every layer
 * that answers, so events a former page load left in localStorage (when IndexedDB failed then) are
 * still found; deletes go to every layer. Never rejects.
 */
export function chainStore(layers: Store[], onFail: (error: unknown) => void): Store {
  let current = 0;
  // a layer that cannot be read holds nothing we can send now
  const each = <T>(work: (layer: Store) => Promise<T>) =>
    Promise.all(layers.map((layer) => work(layer).catch(() => [])));
  return {
    put: async (entries) => {
      // Nothing to write opens nothing (privacy: no storage before the first interaction).
      if (!entries.length) return;
      while (current < layers.length)
        try {
          return await layers[current]!.put(entries);
        } catch (error) {
          current++;
          onFail(error);
        }
      for (const entry of entries) entry.mem = 1;
    },
    // The same id in two layers is one entry: the reporter keys everything by id.
    all: async () => (await each((layer) => layer.all())).flat(),
    del: async (ids) => void (await each((layer) => layer.del(ids))),
  };
}

/**
 * Applies the outbox limits to entries sorted oldest first: too old → `expired`; then while over
 * the event or byte cap, the oldest → `overflow`. Returns what stays and what goes, by reason.
 */
export function applyCaps(
  sorted: Entry[],
  now: number,
  maxEvents: number,
  maxBytes: number,
  maxAgeMs: number,
): [keep: Entry[], expired: Entry[], overflow: Entry[]] {
  const keep: Entry[] = [];
  const expired: Entry[] = [];
  for (const entry of sorted) (now - entry.at > maxAgeMs ? expired : keep).push(entry);
  let bytes = keep.reduce((sum, entry) => sum + entry.size, 0);
  let first = 0;
  while (keep.length - first > maxEvents || (bytes > maxBytes && first < keep.length))
    bytes -= keep[first++]!.size;
  return [keep.slice(first), expired, keep.slice(0, first)];
}
