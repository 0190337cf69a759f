// Scenario 4 of consent-events.md: a network error, then the visitor loads the page again.
import { expect, test } from '@playwright/test';
import {
  bucketFor,
  expectUnique,
  openReporter,
  outboxCount,
  record,
  script,
  stats,
  watchErrors,
} from './support.js';

// The machine running these is shared and often loaded: generous timeouts, exact assertions.
test.describe.configure({ timeout: 120_000 });

test('4: request aborted, page reloaded → delivered after reload with the same eventId', async ({
  page,
  context,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  let aborted = 0;
  // Every attempt of the first page load dies as a network error. The keepalive send when the page
  // is left outlives the page, and Playwright's routes no longer see it; the server cuts that one
  // connection instead, so the event really is delivered only by the next page load.
  await script(request, bucket, [{ status: 0, destroy: true }]);
  await context.route(`**/collect/${bucket}`, async (route) => {
    aborted++;
    await route.abort('connectionreset');
  });
  await openReporter(page, bucket, { baseDelayMs: 60_000 });
  const [id] = await record(page, ['consent_given']);
  await expect.poll(() => aborted).toBeGreaterThanOrEqual(1);
  expect(await outboxCount(page)).toBe(1);
  expect((await stats(request, bucket)).requests).toHaveLength(0);

  // Leave (so no retry of the old page can deliver it), then the next visit.
  await page.goto('about:blank');
  await context.unroute(`**/collect/${bucket}`);
  await openReporter(page, bucket);

  const result = await expectUnique(request, bucket, 1);
  expect(result.eventIds).toEqual([id]);
  expect(result.duplicates).toBe(0);
  await expect.poll(() => outboxCount(page)).toBe(0);
  expect(errors).toEqual([]);
});
