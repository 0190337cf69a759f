// Scenario 10 of docs/consent-records.md#failure-scenarios-the-tests-cover: the page's CSP blocks the endpoint (connect-src).
import { expect, test } from '@playwright/test';
import {
  bucketFor,
  expectUnique,
  issues,
  openReporter,
  outboxCount,
  record,
  stats,
  watchErrors,
} from './support.js';

// The machine running these is shared and often loaded: generous timeouts, exact assertions.
test.describe.configure({ timeout: 120_000 });

test('10: endpoint blocked by CSP connect-src → reported, the page keeps working, delivered once allowed', async ({
  page,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  await openReporter(page, bucket, { csp: "connect-src 'none'", baseDelayMs: 60_000 });

  const [id] = await record(page, ['consent_given']);
  await expect.poll(async () => (await issues(page)).map((issue) => issue.code)).toEqual(['csp']);
  expect((await issues(page))[0]!.message).toContain(`/collect/${bucket}`);

  // The host page still works, and the event waits in the outbox.
  await page.getByRole('button', { name: 'Count' }).click();
  await expect(page.locator('#count')).toHaveText('1');
  expect(await outboxCount(page)).toBe(1);
  expect((await stats(request, bucket)).requests).toHaveLength(0);

  // The site owner fixes the CSP: the next page load delivers the event, once.
  await openReporter(page, bucket);
  const result = await expectUnique(request, bucket, 1);
  expect(result.eventIds).toEqual([id]);
  expect(result.duplicates).toBe(0);
  expect(errors).toEqual([]);
});
