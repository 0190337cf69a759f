import { describe, expect, it } from 'vitest';
import { NAME, storedOutboxExists } from './stored-outbox.js';
import { fakeStorage } from './test-helpers.js';

describe('storedOutboxExists', () => {
  /** An IndexedDB that lists the given databases and fails the test if anything is opened. */
  const idb = (names: string[] | undefined) =>
    ({
      databases: names && (async () => names.map((name) => ({ name, version: 1 }))),
      open: () => {
        throw new Error('opened a database: that would create it');
      },
      deleteDatabase: () => {
        throw new Error('deleted a database');
      },
    }) as unknown as IDBFactory;

  it('is false when neither localStorage nor IndexedDB holds the outbox, and creates nothing', async () => {
    const storage = fakeStorage();
    expect(
      await storedOutboxExists(
        () => storage,
        () => idb(['another-app']),
      ),
    ).toBe(false);
    expect(storage.calls).toEqual([`get ${NAME}`]);
    expect(storage.data.size).toBe(0);
  });

  it('finds an outbox in localStorage', async () => {
    const storage = fakeStorage();
    storage.data.set(NAME, '[]');
    expect(
      await storedOutboxExists(
        () => storage,
        () => idb([]),
      ),
    ).toBe(true);
  });

  it('finds the IndexedDB outbox by the database list, without opening it', async () => {
    expect(await storedOutboxExists(fakeStorage, () => idb(['another-app', NAME]))).toBe(true);
  });

  it('without databases() (older browsers) only localStorage answers', async () => {
    expect(await storedOutboxExists(fakeStorage, () => idb(undefined))).toBe(false);
  });

  it('blocked or missing storage counts as no outbox, and nothing throws', async () => {
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    expect(await storedOutboxExists(blocked, blocked)).toBe(false);
    const failing = { databases: () => Promise.reject(new Error('no')) } as unknown as IDBFactory;
    expect(await storedOutboxExists(blocked, () => failing)).toBe(false);
  });
});
