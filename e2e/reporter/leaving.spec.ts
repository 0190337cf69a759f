// Scenario 5 of docs/consent-records.md#failure-scenarios-the-tests-cover: the visitor confirms and the page navigates away at once
// (the deep link). Delivered by keepalive or beacon, or on the next visit.
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { bucketFor, expectUnique, openReporter, outboxCount, record, stats, watchErrors } from './support.js';

// The machine running these is shared and often loaded: generous timeouts, exact assertions.
test.describe.configure({ timeout: 120_000 });

const away = '/e2e/fixtures/reporter/away.html';

test('5: confirm, then the page navigates away at once → delivered', async ({ page, request }, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  await openReporter(page, bucket, { away });

  await page.getByRole('button', { name: 'WhatsApp öffnen' }).click();
  await page.waitForURL(`**${away}#*`);
  const id = new URL(page.url()).hash.slice(1);

  // No visit back to the reporter page: the request had to outlive the navigation. The contract
  // (docs/consent-records.md): nothing lost, stored once; the endpoint, like the receiver, keeps
  // the first copy of an eventId. A second copy on the wire while the page unloads cannot be
  // ruled out by any browser API, so it is counted (the bench reports its rate), not forbidden.
  const result = await expectUnique(request, bucket, 1);
  expect(result.eventIds).toEqual([id]);
  testInfo.annotations.push({ type: 'wire-duplicates', description: String(result.duplicates) });
  expect(result.requests.every((r) => r.contentType === 'text/plain;charset=UTF-8')).toBe(true);
  expect(errors).toEqual([]);
});

test('5: more pending than the keepalive budget when leaving → beacons, the rest on the next visit, nothing lost', async ({
  page,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  // Slow answers keep the keepalive budget in use while the page leaves.
  await request.post(`/collect/${bucket}/script`, {
    data: Array.from({ length: 3 }, () => ({ status: 200, delayMs: 1500 })),
  });
  await openReporter(page, bucket, { away, batchDelayMs: 60_000 });

  // 8 notice_shown events of ~15 KB each (the full notice text), ~120 KB: two keepalive batches
  // cannot hold them all.
  const text = 'Hinweis zur Datenverarbeitung. '.repeat(480);
  // The receiver checks that the hash is the text's (the counting endpoint does the same).
  const sha256 = createHash('sha256').update(text).digest('hex');
  const notice = { id: 'whatsapp.de.v1', locale: 'de', version: '1', sha256, text };
  const pending = await record(page, Array(8).fill('notice_shown'), { notice });
  await page.getByRole('button', { name: 'WhatsApp öffnen' }).click();
  await page.waitForURL(`**${away}#*`);
  const consent = new URL(page.url()).hash.slice(1);
  const all = [...pending, consent];

  // Some arrive while the visitor is away (keepalive and beacons); a beaconed event also stays in
  // the outbox, so the next visit sends what is left and the server drops the repeats.
  await expect
    .poll(async () => (await (await request.get(`/collect/${bucket}/stats`)).json()).unique)
    .toBeGreaterThan(0);
  await openReporter(page, bucket);
  const result = await expectUnique(request, bucket, all.length);
  expect(result.eventIds.sort()).toEqual(all.sort());
  expect(result.requests.some((r) => r.mode === 'no-cors')).toBe(true); // a beacon went out
  await expect.poll(() => outboxCount(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('5: the request already in flight when the page leaves is not sent a second time', async ({
  page,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  // The first answer is slow, so the reporter's ordinary send is still in flight when the page
  // goes; 201 marks that answer in the stats.
  await request.post(`/collect/${bucket}/script`, { data: [{ status: 201, delayMs: 1500 }] });
  await openReporter(page, bucket);
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes(bucket));
  const [id] = await record(page, ['consent_given']);
  await posted;
  // Chromium rejects that keepalive request in the page as the navigation commits (it still
  // delivers it), then fires pagehide: the reporter must not take the rejection for a failed send
  // and post the event again from its leave handler.
  await page.evaluate((url) => (location.href = url), `${away}#left`);
  await page.waitForURL(`**${away}#left`);
  // A second copy would have been sent at pagehide and answered at once; the in-flight one is
  // answered (201) 1.5 s later.
  await expect.poll(async () => (await stats(request, bucket)).requests.map((r) => r.status)).toContain(201);
  const result = await expectUnique(request, bucket, 1);
  expect(result.eventIds).toEqual([id]);
  expect(result.requests.map((r) => r.status)).toEqual([201]);
  expect(errors).toEqual([]);
});
