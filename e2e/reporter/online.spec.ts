// Scenario 6 of docs/consent-records.md#failure-scenarios-the-tests-cover: offline for a while, then `online`.
import { expect, test } from '@playwright/test';
import { bucketFor, expectUnique, openReporter, outboxCount, record, stats, watchErrors } from './support.js';

// The machine running these is shared and often loaded: generous timeouts, exact assertions.
test.describe.configure({ timeout: 120_000 });

test('6: offline for a while, then online → delivered promptly', async ({
  page,
  context,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  // A backoff of up to an hour: only the `online` event can explain a prompt delivery.
  await openReporter(page, bucket, { baseDelayMs: 3_600_000, maxDelayMs: 3_600_000 });
  await context.setOffline(true);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);

  const ids = await record(page, ['notice_shown', 'consent_given']);
  const recordedIds = [...ids, ...(await record(page, ['link_opened']))];
  // Offline, the events wait in the outbox and nothing reaches the server.
  await expect.poll(() => outboxCount(page)).toBe(3);
  expect((await stats(request, bucket)).requests).toHaveLength(0);

  const back = Date.now();
  await context.setOffline(false);
  // The backoff would wait up to an hour: delivery within seconds can only come from `online`.
  const result = await expectUnique(request, bucket, 3, 10_000);
  expect(Date.now() - back).toBeLessThan(10_000);
  expect(result.eventIds.sort()).toEqual(recordedIds.sort());
  expect(result.duplicates).toBe(0);
  expect(errors).toEqual([]);
});
