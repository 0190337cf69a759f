import { createHash, randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './demo-fixture.js';
import type { RunningDemo } from './demo-process.js';
import { watchForProblems } from './demo-page-checks.js';

test.describe.configure({ timeout: 60_000 });

// Visitor-controlled strings that would run script if the log used innerHTML.
const hostileText = 'Hinweis <img src=x onerror="window.__pwned=1"> <b>fett</b>';

/** Posts a notice_shown + consent_given pair for a new consent, as the SDK would. */
async function postConsent(request: APIRequestContext, demo: RunningDemo, ref: string) {
  const consentId = randomUUID();
  const origin = new URL(demo.url).origin;
  const text = `Firma: News per WhatsApp. ${hostileText}`;
  const notice = {
    id: 'whatsapp.de.v1',
    locale: 'de',
    version: '1',
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
  const base = {
    schema: 'messenger-optin/consent-event@1',
    consentId,
    channel: 'whatsapp',
    page: { origin, path: '/' },
    widget: { version: '0.1.0' },
    purpose: 'News',
  };
  const message = `Start News Firma <b>${ref}</b> ${ref}`;
  const events = [
    {
      ...base,
      eventId: randomUUID(),
      type: 'notice_shown',
      occurredAt: new Date().toISOString(),
      notice: { ...notice, text },
    },
    {
      ...base,
      eventId: randomUUID(),
      type: 'consent_given',
      occurredAt: new Date().toISOString(),
      ref,
      message,
      notice,
      action: 'checkbox+button',
    },
  ];
  const response = await request.post(new URL('/v1/events', demo.url).href, {
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin },
    data: JSON.stringify(events),
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: 2, duplicates: 0 });
  return { consentId, message };
}

test('the consent log lists consents, refreshes itself and shows a proof bundle as plain text', async ({
  page,
  request,
  demo,
}) => {
  const problems = await watchForProblems(page);
  const first = await postConsent(request, demo, 'K7Q2');

  await page.goto(new URL('consents.html', demo.url).href);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();

  // A wrong token is refused and says so.
  await page.getByLabel('Admin token').fill('not-the-token');
  await page.getByRole('button', { name: 'Show consents' }).click();
  await expect(page.getByRole('status').first()).toContainText('refused');

  await page.getByLabel('Admin token').fill(demo.adminToken);
  await page.getByRole('button', { name: 'Show consents' }).click();
  // The token is not left in the field, nor in any storage.
  await expect(page.getByLabel('Admin token')).toHaveValue('');
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

  const row = page.locator(`tr[data-consent-id="${first.consentId}"]`);
  await expect(row).toContainText('K7Q2');
  await expect(row).toContainText(first.message); // markup shown as text

  await row.getByRole('button', { name: /Proof bundle/ }).click();
  const proof = page.locator('#proof');
  await expect(proof).toContainText(`consent ${first.consentId}`);
  await expect(proof.locator('[data-chain="ok"]')).toContainText('Hash chain intact');
  await expect(proof.locator('.notice-text')).toContainText(hostileText);
  await expect(proof.locator('img, b')).toHaveCount(0);

  // Double opt-in: the visitor's own message, sent by the demo server as a signed WhatsApp webhook.
  await proof.getByRole('button', { name: /from the demo phone/ }).click();
  await expect(proof).toContainText('From the messenger (2)');
  await expect(proof.locator('[data-chain="ok"]')).toContainText('Hash chain intact: 4 entries checked');
  await expect(row).toHaveAttribute('data-state', 'confirmed');

  // Auto-refresh: a consent stored while the page is open shows up without a reload.
  const second = await postConsent(request, demo, 'M3X9');
  await expect(page.locator(`tr[data-consent-id="${second.consentId}"]`)).toBeVisible({ timeout: 10_000 });

  // Finding a consent by the reference code of the inbound message.
  await page.getByLabel('Find by reference code').fill('m3x9');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(proof).toContainText(`consent ${second.consentId}`);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // The refused token above produced a 401 in the console; nothing else may have gone wrong.
  expect((await problems()).filter((line) => !/status of 40[13]/.test(line))).toEqual([]);
});

test("the consent log links to the receiver's own console, which shows the demo's consent", async ({
  page,
  request,
  demo,
}) => {
  const problems = await watchForProblems(page);
  const { consentId } = await postConsent(request, demo, 'C4N5');

  await page.goto(new URL('consents.html', demo.url).href);
  await page.getByRole('main').getByRole('link', { name: 'console' }).click();
  await expect(page).toHaveURL(new URL('admin', demo.url).href);
  await expect(page.locator('body[data-ready="login"]')).toBeAttached();
  await page.getByLabel('Admin token').fill(demo.adminToken);
  await page.getByLabel('Admin token').press('Enter');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();

  await page.locator('#subscriber-filter').getByLabel('Reference code').fill('C4N5');
  await page.locator('#subscriber-filter').getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('button', { name: 'Proof of C4N5' }).click();
  await expect(page.locator('#proof #proof-consent')).toHaveText(consentId);
  // The console runs under the receiver's own CSP on the demo's origin: no violation, no error.
  expect(await problems()).toEqual([]);
});
