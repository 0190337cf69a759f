import { describe, expect, it, vi } from 'vitest';
import { NAME, applyCaps, chainStore, localStore, type Store } from './outbox.js';
import { entry, fakeStorage } from './test-helpers.js';

const caps = [3, 1000, 7 * 864e5] as const;

describe('applyCaps', () => {
  it('keeps everything within the caps', () => {
    const list = [entry(1), entry(2), entry(3)];
    expect(applyCaps(list, 10, ...caps)).toEqual([list, [], []]);
  });

  it('drops the oldest first when over the event cap', () => {
    const list = [entry(1), entry(2), entry(3), entry(4), entry(5)];
    expect(applyCaps(list, 10, ...caps)).toEqual([list.slice(2), [], list.slice(0, 2)]);
  });

  it('drops the oldest first when over the byte cap', () => {
    const list = [entry(1, 600), entry(2, 300), entry(3, 300)];
    expect(applyCaps(list, 10, ...caps)).toEqual([list.slice(1), [], list.slice(0, 1)]);
  });

  it('drops events older than the age limit as expired', () => {
    const day = 864e5;
    const list = [entry(0), entry(1 * day), entry(8 * day)];
    expect(applyCaps(list, 8 * day, ...caps)).toEqual([list.slice(1), list.slice(0, 1), []]);
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

  it('falls back layer by layer, reports each failure once, and marks entries memory-only when none is left', async () => {
    const onFail = vi.fn();
    const storage = fakeStorage();
    const store = chainStore([broken('idb'), localStore(() => storage)], onFail);
    const a = entry(1);
    await store.put([a]);
    expect(onFail).toHaveBeenCalledTimes(1);
    expect(a.memoryOnly).toBeUndefined();
    expect((await store.all()).map((e) => e.id)).toEqual([a.id]);
    await store.del([a.id]);
    expect(storage.data.has(NAME)).toBe(false);

    const full = chainStore([broken('idb'), localStore(() => fakeStorage({ full: true }))], onFail);
    const [b, c] = [entry(2), entry(3)];
    await expect(full.put([b])).resolves.toBeUndefined();
    await full.put([c]);
    // both layers failed once (reported once each), then nothing is tried any more
    expect(onFail).toHaveBeenCalledTimes(3);
    expect([b.memoryOnly, c.memoryOnly]).toEqual([true, true]);
  });

  it('without layers (storage: memory) marks every entry memory-only and touches nothing', async () => {
    const store = chainStore([], vi.fn());
    const a = entry(1);
    await store.put([a]);
    expect(a.memoryOnly).toBe(true);
    expect(await store.all()).toEqual([]);
  });

  it('still reads what an earlier page left in a lower layer', async () => {
    const storage = fakeStorage();
    const left = entry(1);
    await localStore(() => storage).put([left]);
    // writes go to the first layer, which works; reads still merge both
    const store = chainStore([localStore(() => fakeStorage()), localStore(() => storage)], vi.fn());
    expect((await store.all()).map((e) => e.id)).toEqual([left.id]);
  });

  it('writes nothing for an empty list (no storage is opened)', async () => {
    const put = vi.fn(async () => {});
    const store = chainStore([{ all: async () => [], put, del: async () => {} }], vi.fn());
    await store.put([]);
    expect(put).not.toHaveBeenCalled();
  });

  it("reads entries an older build stored (`p` for the paced attempts) in today's names", async () => {
    const storage = fakeStorage();
    const older = entry(1, 100, { tries: 4 });
    const newer = entry(2, 100, { tries: 2, paced: 1 });
    storage.setItem(NAME, JSON.stringify([{ ...older, p: 3 }, newer]));
    const [upgraded, current] = await chainStore([localStore(() => storage)], vi.fn()).all();
    expect(upgraded).toEqual({ ...older, paced: 3 });
    expect(upgraded).not.toHaveProperty('p');
    expect(current).toEqual(newer);
  });
});
