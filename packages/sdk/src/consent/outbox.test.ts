import { describe, expect, it, vi } from 'vitest';
import { NAME, applyCaps, chainStore, localStore, memoryStore, type Store } from './outbox.js';
import { entry, fakeStorage } from './test-helpers.js';

const caps = { maxEvents: 3, maxBytes: 1000, maxAgeMs: 7 * 864e5 };

describe('applyCaps', () => {
  it('keeps everything within the caps', () => {
    const list = [entry(1), entry(2), entry(3)];
    expect(applyCaps(list, 10, caps)).toEqual({ keep: list, drop: [] });
  });

  it('drops the oldest first when over the event cap', () => {
    const list = [entry(1), entry(2), entry(3), entry(4), entry(5)];
    const { keep, drop } = applyCaps(list, 10, caps);
    expect(keep).toEqual(list.slice(2));
    expect(drop).toEqual([
      [list[0], 'overflow'],
      [list[1], 'overflow'],
    ]);
  });

  it('drops the oldest first when over the byte cap', () => {
    const list = [entry(1, 600), entry(2, 300), entry(3, 300)];
    const { keep, drop } = applyCaps(list, 10, caps);
    expect(keep).toEqual(list.slice(1));
    expect(drop).toEqual([[list[0], 'overflow']]);
  });

  it('drops events older than the age limit as expired', () => {
    const day = 864e5;
    const list = [entry(0), entry(1 * day), entry(8 * day)];
    const { keep, drop } = applyCaps(list, 8 * day, caps);
    expect(keep).toEqual(list.slice(1));
    expect(drop).toEqual([[list[0], 'expired']]);
  });
});

describe('localStore', () => {
  it('keeps the outbox as one JSON array and removes the key when empty', async () => {
    const storage = fakeStorage();
    const store = localStore(() => storage);
    const [a, b] = [entry(1), entry(2)];
    await store.put([a!, b!]);
    await store.put([{ ...a!, tries: 2 }]);
    expect((await store.all()).map((e) => [e.id, e.tries])).toEqual([
      [b!.id, 0],
      [a!.id, 2],
    ]);
    await store.del([a!.id, b!.id]);
    expect(storage.data.has(NAME)).toBe(false);
  });

  it('rejects (not throws synchronously) when the quota is exceeded', async () => {
    const store = localStore(() => fakeStorage({ full: true }));
    await expect(store.put([entry(1)])).rejects.toThrow(/quota/);
  });
});

describe('chainStore', () => {
  const broken = (name: string): Store => ({
    all: () => Promise.reject(new DOMException(name, 'UnknownError')),
    put: () => Promise.reject(new DOMException(name, 'QuotaExceededError')),
    del: () => Promise.reject(new DOMException(name, 'UnknownError')),
  });

  it('falls back layer by layer and reports each failure once', async () => {
    const onFail = vi.fn();
    const memory = memoryStore();
    const store = chainStore([broken('idb'), localStore(() => fakeStorage({ full: true })), memory], onFail);
    const a = entry(1);
    await store.put([a]);
    await store.put([entry(2)]);
    expect(onFail).toHaveBeenCalledTimes(2);
    expect((await store.all()).map((e) => e.id)).toContain(a.id);
    await store.del([a.id]);
    expect((await memory.all()).map((e) => e.id)).not.toContain(a.id);
  });

  it('still reads what an earlier page left in a lower layer', async () => {
    const storage = fakeStorage();
    const left = entry(1);
    await localStore(() => storage).put([left]);
    const store = chainStore([memoryStore(), localStore(() => storage)], vi.fn());
    expect((await store.all()).map((e) => e.id)).toEqual([left.id]);
  });

  it('rejects only when the last layer fails too', async () => {
    const store = chainStore([broken('a'), broken('b')], vi.fn());
    await expect(store.put([entry(1)])).rejects.toThrow('b');
  });
});
