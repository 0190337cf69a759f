import { describe, expect, it, vi } from 'vitest';
import { BATCH_EVENTS, KEEPALIVE_BUDGET, batches, beacon, body } from './sender.js';
import { entry } from './test-helpers.js';
import type { Entry } from './types.js';

describe('batches', () => {
  it('cuts at BATCH_EVENTS events', () => {
    const list = Array.from({ length: BATCH_EVENTS * 2 + 1 }, (_, i) => entry(i));
    expect(batches(list).map((batch) => batch.length)).toEqual([BATCH_EVENTS, BATCH_EVENTS, 1]);
  });

  it('keeps each batch under the keepalive budget', () => {
    const list = Array.from({ length: 10 }, (_, i) => entry(i, 20_000));
    for (const batch of batches(list))
      expect(batch.reduce((sum, e) => sum + e.size, 0)).toBeLessThan(KEEPALIVE_BUDGET);
  });

  it('sends an event bigger than the budget alone', () => {
    expect(batches([entry(1), entry(2, 70_000), entry(3)]).map((b) => b.length)).toEqual([1, 1, 1]);
  });
});

describe('body', () => {
  it('sets sentAt and attempt per attempt, as a JSON array', () => {
    const parsed = JSON.parse(body([entry(1, 100, { tries: 2 }), entry(2)], Date.UTC(2026, 0, 1)));
    expect(parsed.map((e: { attempt: number; sentAt: string }) => [e.attempt, e.sentAt])).toEqual([
      [3, '2026-01-01T00:00:00.000Z'],
      [1, '2026-01-01T00:00:00.000Z'],
    ]);
  });

  it('lets transform shape the body', () => {
    expect(body([entry(1)], 0, (batch) => `n=${batch.length}`)).toBe('n=1');
  });
});

describe('beacon', () => {
  it('halves a refused batch until the browser takes the parts', () => {
    const list = Array.from({ length: 8 }, (_, i) => entry(i));
    const sizes: number[] = [];
    const send = vi.fn((entries: Entry[]) => {
      sizes.push(entries.length);
      return entries.length < 4; // refuses the big ones
    });
    expect(beacon(send, list)).toEqual(list);
    expect(sizes).toEqual([8, 4, 2, 2, 4, 2, 2]);
  });

  it('gives up on a single event the browser refuses (it stays in the outbox)', () => {
    const list = [entry(1), entry(2)];
    expect(beacon((entries) => entries.length < 2 && entries[0] === list[0], list)).toEqual([list[0]]);
    expect(beacon(() => false, list)).toEqual([]);
  });
});
