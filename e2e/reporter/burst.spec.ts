// Scenario 11 of docs/consent-records.md#failure-scenarios-the-tests-cover: 10,000 events recorded in one burst.
import { expect, test, type Page } from '@playwright/test';
import { bucketFor, drops, expectUnique, openReporter, outboxCount, watchErrors } from './support.js';

// The machine running these is shared and often loaded: generous timeouts, exact assertions.
test.describe.configure({ timeout: 120_000 });

/** The page's work that could grow with a burst, counted since `countWork`. */
interface Work {
  stringify: number;
  sorts: number;
  /** Puts of entries never sent yet, per IndexedDB transaction: the records reaching storage. */
  recordWrites: number[];
  /** Every put, retries' new attempt counts too. */
  puts: number;
  setItems: number;
}

type CountingWindow = Window & { record: (type: string) => string; workSoFar: () => Work };

/**
 * Wraps JSON.stringify, sorting and the writes to IndexedDB and localStorage with counters.
 * Counted, not timed: a loaded machine changes how long the work takes, not how much there is.
 */
function countWork(page: Page): Promise<void> {
  return page.evaluate(() => {
    const counts = { stringify: 0, sorts: 0, puts: 0, setItems: 0 };
    const recordWrites = new Map<IDBTransaction, number>();
    (window as unknown as CountingWindow).workSoFar = () => ({
      ...counts,
      recordWrites: [...recordWrites.values()],
    });
    const stringify = JSON.stringify;
    JSON.stringify = function (...args: Parameters<typeof stringify>) {
      counts.stringify++;
      return stringify.apply(this, args);
    } as typeof stringify;
    const sort = Array.prototype.sort;
    Array.prototype.sort = function (this: unknown[], ...args: Parameters<typeof sort>) {
      counts.sorts++;
      return sort.apply(this, args);
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      counts.puts++;
      // A failed attempt writes its entries again with `tries` counted up: not a new record.
      if ((args[0] as { tries?: number }).tries === 0)
        recordWrites.set(this.transaction, (recordWrites.get(this.transaction) ?? 0) + 1);
      return put.apply(this, args);
    };
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (...args: Parameters<typeof setItem>) {
      counts.setItems++;
      return setItem.apply(this, args);
    };
  });
}

function work(page: Page): Promise<Work> {
  return page.evaluate(() => (window as unknown as CountingWindow).workSoFar());
}

test('11: 10,000 events in a burst → caps hold, drops reported, the page stays responsive', async ({
  page,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  await openReporter(page, bucket);
  await countWork(page);

  const burst = await page.evaluate(() => {
    const w = window as unknown as CountingWindow;
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i++) ids.push(w.record('notice_shown'));
    // Read in the same task: nothing deferred has run yet.
    return { ids, work: w.workSoFar() };
  });
  expect(new Set(burst.ids).size).toBe(10_000);
  // The page stays responsive when the work per record is constant, not growing with the burst
  // (a scan or sort of the outbox per record): one JSON.stringify per record (its size), one
  // sort per 500 records (the caps cut the burst to 500 each time it reaches twice that), and no
  // storage write until the burst is over.
  const { sorts, ...others } = burst.work;
  expect(others).toEqual({ stringify: 10_000, recordWrites: [], puts: 0, setItems: 0 });
  expect(sorts).toBeLessThanOrEqual(10_000 / 500);
  // Then the burst reaches storage in one IndexedDB transaction, cut to the outbox's cap.
  await expect.poll(async () => (await work(page)).recordWrites).toEqual([500]);
  // The outbox never holds more than its cap.
  expect(await outboxCount(page)).toBeLessThanOrEqual(500);

  // The newest 500 are delivered, the oldest 9,500 were dropped and reported: all 10,000 accounted for.
  const result = await expectUnique(request, bucket, 500);
  expect(result.duplicates).toBe(0);
  expect(result.eventIds.sort()).toEqual(burst.ids.slice(9_500).sort());
  const dropped = await drops(page);
  expect(dropped.every((drop) => drop.reason === 'overflow')).toBe(true);
  expect(dropped.flatMap((drop) => drop.ids).sort()).toEqual(burst.ids.slice(0, 9_500).sort());
  await expect.poll(() => outboxCount(page)).toBe(0);
  // Sending wrote no record again, and nothing went to localStorage (IndexedDB worked throughout).
  const after = await work(page);
  expect(after.recordWrites).toEqual([500]);
  expect(after.setItems).toBe(0);
  expect(errors).toEqual([]);
});
