// Scenarios 1–3 of docs/consent-records.md#failure-scenarios-the-tests-cover: how the reporter treats the endpoint's answers.
import { expect, test } from '@playwright/test';
import {
  bucketFor,
  drops,
  expectUnique,
  openReporter,
  record,
  script,
  stats,
  watchErrors,
} from './support.js';

// The machine running these is shared and often loaded: generous timeouts, exact assertions.
test.describe.configure({ timeout: 120_000 });

test('1: 500 three times, then 200 → the server holds each event exactly once', async ({
  page,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  await script(request, bucket, [{ status: 500 }, { status: 500 }, { status: 500 }]);
  await openReporter(page, bucket, { baseDelayMs: 200 });

  const ids = await record(page, ['notice_shown', 'notice_shown', 'consent_given']);

  const result = await expectUnique(request, bucket, 3);
  expect(result.eventIds.sort()).toEqual([...ids].sort());
  expect(result.duplicates).toBe(0);
  expect(result.requests.map((r) => r.status)).toEqual([500, 500, 500, 200]);
  // every attempt carried the same three events
  for (const r of result.requests) expect([...r.ids].sort()).toEqual([...ids].sort());
  expect(
    await page.evaluate(() =>
      (window as unknown as { reporter: { flush(): Promise<boolean> } }).reporter.flush(),
    ),
  ).toBe(true);
  expect((await stats(request, bucket)).requests).toHaveLength(4);
  expect(await drops(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('2: 429 with Retry-After: 2 → no request before 2 s, even after a new record()', async ({
  page,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  await script(request, bucket, [{ status: 429, headers: { 'Retry-After': '2' } }]);
  await openReporter(page, bucket, { baseDelayMs: 10 });

  const [first] = await record(page, ['consent_given']);
  await expect.poll(async () => (await stats(request, bucket)).requests.length).toBe(1);
  // an urgent record inside the window would normally go at once; the server said wait
  const [second] = await record(page, ['consent_given']);

  const result = await expectUnique(request, bucket, 2);
  expect(result.eventIds.sort()).toEqual([first, second].sort());
  expect(result.duplicates).toBe(0);
  expect(result.requests).toHaveLength(2);
  const [refused, accepted] = result.requests;
  expect(refused!.status).toBe(429);
  expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(2000);
  expect(errors).toEqual([]);
});

for (const status of [400, 413]) {
  test(`3: ${status} → dropped, reported, not retried`, async ({ page, request }, testInfo) => {
    const bucket = bucketFor(testInfo);
    const errors = watchErrors(page);
    await script(request, bucket, [{ status }]);
    await openReporter(page, bucket, { baseDelayMs: 10 });

    const [rejected] = await record(page, ['consent_given']);
    await expect.poll(() => drops(page)).toEqual([{ reason: 'rejected', ids: [rejected] }]);

    // The next send carries only the new event: the rejected one is gone for good.
    const [later] = await record(page, ['consent_given']);
    const result = await expectUnique(request, bucket, 1);
    expect(result.eventIds).toEqual([later]);
    expect(result.duplicates).toBe(0);
    expect(result.requests.map((r) => [r.status, r.ids])).toEqual([
      [status, [rejected]],
      [200, [later]],
    ]);
    expect(errors).toEqual([]);
  });
}
