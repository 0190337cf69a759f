// Scenario 7 of docs/consent-records.md#failure-scenarios-the-tests-cover: storage that throws. The reporter falls back and reports, the
// page sees no exception, and the events are still delivered.
import { expect, test } from '@playwright/test';
import { bucketFor, expectUnique, issues, openReporter, record, script, watchErrors } from './support.js';

// The machine running these is shared and often loaded: generous timeouts, exact assertions.
test.describe.configure({ timeout: 120_000 });

test('7: localStorage throws QuotaExceededError and IndexedDB is unavailable → memory, delivered, no exception', async ({
  page,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await openReporter(page, bucket);

  const ids = await record(page, ['notice_shown', 'consent_given', 'link_opened']);
  const result = await expectUnique(request, bucket, 3);
  expect(result.eventIds.sort()).toEqual([...ids].sort());
  expect(result.duplicates).toBe(0);
  // Both layers failed on the first write and were reported; delivery came from memory.
  expect((await issues(page)).map((issue) => issue.code)).toEqual(['storage', 'storage']);
  expect(errors).toEqual([]);
});

test('7: IndexedDB refuses to open → localStorage keeps the events for the next page load', async ({
  page,
  context,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('IndexedDB is blocked in this mode.', 'SecurityError');
    };
  });
  // The first page's attempts die as network errors, so the events wait in the outbox. The
  // keepalive sends on leaving outlive the page and escape routes: the server cuts them. There
  // may be one or two (pagehide, then visibilitychange once the first has failed), so it cuts
  // two; if there was only one, the next page's first attempt is cut and retried.
  await context.route(`**/collect/${bucket}`, (route) => route.abort('connectionreset'));
  await script(request, bucket, [
    { status: 0, destroy: true },
    { status: 0, destroy: true },
  ]);
  await openReporter(page, bucket, { baseDelayMs: 60_000 });
  const ids = await record(page, ['notice_shown', 'consent_given']);
  await expect
    .poll(() =>
      page.evaluate(() => JSON.parse(localStorage.getItem('messenger-optin-outbox') ?? '[]').length),
    )
    .toBe(2);
  expect((await issues(page)).map((issue) => issue.code)).toEqual(['storage']);

  await context.unroute(`**/collect/${bucket}`);
  // The same page again, now with the default retry delay (about a second).
  await openReporter(page, bucket);

  const result = await expectUnique(request, bucket, 2);
  expect(result.eventIds.sort()).toEqual([...ids].sort());
  expect(result.duplicates).toBe(0);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('messenger-optin-outbox'))).toBeNull();
  expect(errors).toEqual([]);
});
