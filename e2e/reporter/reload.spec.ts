// Scenario 4 of docs/consent-records.md#failure-scenarios-the-tests-cover: a network error, then the visitor loads the page again.
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

test('an IndexedDB outbox an earlier version left is loaded on the next visit and delivered once', async ({
  page,
  request,
}, testInfo) => {
  const bucket = bucketFor(testInfo);
  const errors = watchErrors(page);
  // A page of the same origin without the reporter writes what the reporter has stored since
  // 0.1.0: database `messenger-optin-outbox` version 1, object store `outbox`, key path `id`.
  await page.goto('/e2e/fixtures/reporter/away.html');
  const id = await page.evaluate(async () => {
    const eventId = crypto.randomUUID();
    const event = {
      schema: 'messenger-optin/consent-event@1',
      eventId,
      consentId: crypto.randomUUID(),
      type: 'consent_given',
      channel: 'whatsapp',
      ref: 'K7Q2',
      message: 'Start News Firma K7Q2',
      action: 'button',
      notice: { id: 'whatsapp.en.v1', locale: 'en', version: '1', sha256: 'a'.repeat(64) },
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      page: { origin: location.origin, path: '/news' },
      widget: { version: '0.1.0' },
    };
    const entry = {
      id: eventId,
      event,
      tries: 1,
      at: Date.now() - 3_600_000,
      size: JSON.stringify(event).length,
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('messenger-optin-outbox', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'id' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('outbox', 'readwrite');
      tx.objectStore('outbox').put(entry);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return eventId;
  });
  expect(await outboxCount(page)).toBe(1);

  await openReporter(page, bucket);
  const result = await expectUnique(request, bucket, 1);
  expect(result.eventIds).toEqual([id]);
  expect(result.duplicates).toBe(0);
  await expect.poll(() => outboxCount(page)).toBe(0);
  expect(errors).toEqual([]);
});
