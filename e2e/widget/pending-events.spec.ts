import { test, type Page } from '@playwright/test';
import { bucketName, expect, recordPage, storedEvents, useEndpoint } from './support.js';

// docs/consent-records.md: events that could not be delivered stay in the outbox, and "retries also run
// on the next page load". The visitor who gave consent usually does not tap again on the next visit,
// so the widget must send what is pending without waiting for a tap.

test.setTimeout(90_000);

/** The types of the events in the IndexedDB outbox, sorted ([] without one: looking creates none). */
function outboxTypes(page: Page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((database) => database.name);
    if (!names.includes('messenger-optin-outbox')) return [];
    return new Promise<string[]>((resolve, reject) => {
      const request = indexedDB.open('messenger-optin-outbox');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const all = request.result.transaction('outbox').objectStore('outbox').getAll();
        all.onsuccess = () => {
          request.result.close();
          resolve(all.result.map((entry: { event: { type: string } }) => entry.event.type).sort());
        };
        all.onerror = () => reject(all.error);
      };
    });
  });
}

test('events left undelivered by a visit go out on the next page load, without a tap, once each', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const bucket = bucketName('pending-next-load');
  // The endpoint is unreachable during the whole first visit, leaving included: the server closes
  // every connection unanswered, for fetch, keepalive fetch and beacon alike.
  const unanswered = Array.from({ length: 100 }, () => ({ status: 0, destroy: true }));
  await page.request.post(`/collect/${bucket}/script`, { data: unanswered });
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/inline.html');
  await useEndpoint(page, bucket);
  await page.locator('[part~="channel-whatsapp"]').click();
  await page.getByRole('button', { name: 'WhatsApp öffnen' }).click();
  // On a desktop the QR code shows at once: link_opened (via qr) follows consent_given.
  const pending = ['consent_given', 'link_opened', 'notice_shown'];
  await expect.poll(() => outboxTypes(page)).toEqual(pending);
  await page.reload();
  // Tried (the record, then leaving), but nothing reached the server.
  // (An empty script reads how many scripted answers are left.)
  const left = (await (await page.request.post(`/collect/${bucket}/script`, { data: [] })).json()) as {
    queued: number;
  };
  expect(left.queued).toBeLessThan(unanswered.length);
  const before = (await (await page.request.get(`/collect/${bucket}/stats`)).json()) as { events: unknown[] };
  expect(before.events).toEqual([]);

  // Next visit, the network is back; the visitor only looks at the page.
  await page.request.post(`/collect/${bucket}/reset`);
  await useEndpoint(page, bucket);
  const stored = await storedEvents(page, bucket, pending);
  expect(stored.map((event) => event.type).sort()).toEqual(pending);
  // Delivered events leave the outbox, so nothing is left to send again; the endpoint (like the
  // receiver) keeps one copy per eventId, which is the contract: each stored once.
  await expect.poll(() => outboxTypes(page)).toEqual([]);
  const after = (await (await page.request.get(`/collect/${bucket}/stats`)).json()) as { unique: number };
  expect(after.unique).toBe(pending.length);
  expect(log.pageErrors).toEqual([]);
});
