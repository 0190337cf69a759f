import { describe, expect, it } from 'vitest';
import { loadOnce } from './load-once.js';

describe('loadOnce', () => {
  it('loads once for all callers, before and after it resolved', async () => {
    let calls = 0;
    const load = loadOnce(async () => ++calls);
    const [first, second] = [load(), load()];
    expect(first).toBe(second);
    expect(await first).toBe(1);
    expect(load()).toBe(first);
    expect(calls).toBe(1);
  });

  it('forgets a failed load: callers waiting on it see the failure, the next call tries again', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('network');
      return 'chunk';
    });
    const [first, second] = [load(), load()];
    await expect(first).rejects.toThrow('network');
    await expect(second).rejects.toThrow('network');
    expect(await load()).toBe('chunk');
    expect(await load()).toBe('chunk');
    expect(calls).toBe(2);
  });
});
