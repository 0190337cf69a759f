import { afterEach, describe, expect, it, vi } from 'vitest';
import { withLock } from './tabs.js';
import { fakeStorage } from './test-helpers.js';

afterEach(() => vi.useRealTimers());

describe('withLock', () => {
  it('uses Web Locks where they exist', async () => {
    const request = vi.fn((_name: string, work: () => Promise<string>) => work());
    const locks = { request } as unknown as LockManager;
    await expect(
      withLock(
        async () => 'sent',
        Date.now,
        async () => {},
        locks,
      ),
    ).resolves.toBe('sent');
    expect(request).toHaveBeenCalledWith('messenger-optin-outbox', expect.any(Function));
  });

  it('falls back to a localStorage lease: two senders never overlap, and the lease is released', async () => {
    vi.useFakeTimers();
    const storage = fakeStorage();
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    let active = 0;
    let overlapped = false;
    const work = async () => {
      active++;
      overlapped ||= active > 1;
      await sleep(500);
      active--;
    };
    const both = Promise.all([
      withLock(work, Date.now, sleep, undefined, () => storage),
      withLock(work, Date.now, sleep, undefined, () => storage),
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    await both;
    expect(overlapped).toBe(false);
    expect(storage.data.size).toBe(0);
  });

  it('takes over a lease whose holder died (expired)', async () => {
    const storage = fakeStorage();
    storage.setItem('messenger-optin-outbox-lease', JSON.stringify(['dead tab', Date.now() - 1]));
    await expect(
      withLock(
        async () => 'sent',
        Date.now,
        async () => {},
        undefined,
        () => storage,
      ),
    ).resolves.toBe('sent');
  });

  it('just runs when there is neither Web Locks nor localStorage', async () => {
    const broken = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    await expect(
      withLock(
        async () => 'sent',
        Date.now,
        async () => {},
        undefined,
        broken,
      ),
    ).resolves.toBe('sent');
  });
});
