import { createHash, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createReceiver } from '../../packages/receiver/src/app.js';
import { type RunningServer, startServer } from '../../packages/receiver/src/server.js';
import { openStore } from '../../packages/receiver/src/store/open.js';
import { expectNoAxeViolations } from '../widget/support.js';

// The console as a site owner uses it: a receiver of its own (in-memory database) serving /admin,
// loaded with known events, then every number on the page compared with what was sent.

const TOKEN = 'e2e-console-token-0123456789abcdef-xyz';
const SITE = 'https://shop.example';
const NOTICE_TEXT = 'Firma sends you News on WhatsApp. Send "Stop" to end it. <b>not markup</b>';
const notice = {
  id: 'whatsapp.en.v1',
  locale: 'en',
  version: 'v1',
  sha256: createHash('sha256').update(NOTICE_TEXT, 'utf8').digest('hex'),
};

test.describe.configure({ mode: 'serial', timeout: 90_000 });

let server: RunningServer;
const consents: Array<{ consentId: string; ref: string }> = [];

function event(consentId: string, type: string, channel: string, ref: string): Record<string, unknown> {
  return {
    schema: 'messenger-optin/consent-event@1',
    eventId: randomUUID(),
    consentId,
    type,
    channel,
    ref,
    message: `Start News Firma ${ref}`,
    occurredAt: new Date().toISOString(),
    notice: type === 'notice_shown' ? { ...notice, text: NOTICE_TEXT } : notice,
    ...(type === 'consent_given' ? { action: 'button' } : {}),
    page: { origin: SITE, path: '/' },
    widget: { version: '0.1.0' },
    purpose: 'News',
  };
}

test.beforeAll(async () => {
  // PGlite's first start (initdb in WASM) takes long on a busy machine.
  test.setTimeout(180_000);
  const store = await openStore({ memory: true });
  const app = createReceiver({ store, adminToken: TOKEN, logger: false, rateLimit: false });
  server = await startServer({ app, store, port: 0 });
  // 27 WhatsApp flows (notice, consent, link), 3 notices only, 1 Telegram flow.
  const events: Array<Record<string, unknown>> = [];
  for (let index = 0; index < 27; index++) {
    const consentId = randomUUID();
    const code = `WA${String.fromCharCode(65 + Math.floor(index / 10))}${index % 10}`;
    consents.push({ consentId, ref: code });
    for (const type of ['notice_shown', 'consent_given', 'link_opened'])
      events.push(event(consentId, type, 'whatsapp', code));
  }
  for (let index = 0; index < 3; index++)
    events.push(event(randomUUID(), 'notice_shown', 'whatsapp', 'NOPE'));
  const telegram = randomUUID();
  for (const type of ['notice_shown', 'consent_given'])
    events.push(event(telegram, type, 'telegram', 'TG01'));
  // At most 50 events per request, as the SDK sends them.
  for (let start = 0; start < events.length; start += 50) {
    const batch = events.slice(start, start + 50);
    const stored = await fetch(`${server.url}/v1/events`, { method: 'POST', body: JSON.stringify(batch) });
    expect(((await stored.json()) as { accepted: number }).accepted).toBe(batch.length);
  }
  // Two confirmed, one of them withdrawn in the widget.
  for (const { consentId, ref: code } of consents.slice(0, 2)) {
    const confirmed = await fetch(`${server.url}/v1/consents/${consentId}/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: `Start News Firma ${code}` }),
    });
    expect(confirmed.status).toBe(201);
  }
  const withdrawn = consents[1] as { consentId: string; ref: string };
  await fetch(`${server.url}/v1/events`, {
    method: 'POST',
    body: JSON.stringify([event(withdrawn.consentId, 'withdrawal_requested', 'whatsapp', withdrawn.ref)]),
  });
});

test.afterAll(async () => {
  await server?.close();
});

test('signs in with the token only, shows the exact funnel, a chart, pages and filters subscribers', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  const response = await page.goto(`${server.url}/admin`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('body[data-ready="login"]')).toBeAttached();
  await expectNoAxeViolations(page);

  await page.getByLabel('Admin token').fill('wrong-token-wrong-token-wrong-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#login-status')).toHaveText('The token was refused.');

  await page.getByLabel('Admin token').fill(TOKEN);
  await page.getByLabel('Admin token').press('Enter');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  expect(page.url()).not.toContain(TOKEN);
  await expect(page.getByLabel('Admin token')).toHaveValue('');
  expect(
    await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length),
  ).toBe(0);

  const cell = (channel: string, step: string) =>
    page.locator(`#funnel tr[data-channel="${channel}"] td[data-step="${step}"] .count`);
  const expected: Record<string, Record<string, string>> = {
    whatsapp: {
      widget_shown: '0',
      notice_shown: '30',
      consent_given: '27',
      link_opened: '27',
      confirmed: '2',
      withdrawn: '1',
    },
    telegram: {
      widget_shown: '0',
      notice_shown: '1',
      consent_given: '1',
      link_opened: '0',
      confirmed: '0',
      withdrawn: '0',
    },
    total: { notice_shown: '31', consent_given: '28', confirmed: '2' },
  };
  for (const [channel, steps] of Object.entries(expected))
    for (const [step, count] of Object.entries(steps)) await expect(cell(channel, step)).toHaveText(count);
  await expect(
    page.locator('#funnel tr[data-channel="whatsapp"] td[data-step="consent_given"] .rate'),
  ).toHaveText('90.0 %');
  await expect(page.locator('#states tr[data-channel="whatsapp"] td[data-state="pending"]')).toHaveText('25');
  await expect(page.locator('#states tr[data-channel="whatsapp"] td[data-state="confirmed"]')).toHaveText(
    '1',
  );
  await expect(page.locator('#states tr[data-channel="whatsapp"] td[data-state="withdrawn"]')).toHaveText(
    '1',
  );

  const chart = page.locator('#chart figure[data-channel="whatsapp"] svg[role="img"]');
  await expect(chart).toBeVisible();
  await expect(chart.locator('[data-series="confirmed"]')).toHaveCount(1);
  await expect(page.locator('#chart figure[data-channel="whatsapp"] .legend')).toContainText(
    'Opt-ins confirmed: 2',
  );

  await expect(page.locator('#subscriber-count')).toHaveText('Showing 1–25 of 28 subscribers');
  await expect(page.locator('#subscribers tbody tr')).toHaveCount(25);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.locator('#subscriber-count')).toHaveText('Showing 26–28 of 28 subscribers');
  await expect(page.locator('#subscribers tbody tr')).toHaveCount(3);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.locator('#subscriber-count')).toHaveText('Showing 1–25 of 28 subscribers');

  const filter = page.locator('#subscriber-filter');
  await filter.getByLabel('State').selectOption('confirmed');
  await filter.getByRole('button', { name: 'Filter' }).click();
  await expect(page.locator('#subscriber-count')).toHaveText('Showing 1–1 of 1 subscribers');
  await expect(page.locator(`#subscribers tr[data-consent-id="${consents[0]?.consentId}"]`)).toBeVisible();
  await filter.getByLabel('State').selectOption('');
  await filter.getByLabel('Reference code').fill((consents[5]?.ref ?? '').toLowerCase());
  await filter.getByRole('button', { name: 'Filter' }).click();
  await expect(page.locator('#subscribers tbody tr')).toHaveCount(1);
  await expect(page.locator('#subscribers tbody tr .ref')).toHaveText(consents[5]?.ref ?? '');

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  // Expected: the refused token (403) and the rights requests of a receiver without
  // inbound messages (404). Anything else (a CSP violation, a script error) fails the test.
  expect(violations.filter((line) => !/status of 40[34]/.test(line))).toEqual([]);
});

test('opens a printable proof and erases its personal data', async ({ page }) => {
  const target = consents[5] as { consentId: string; ref: string };
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Admin token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await page.locator('#subscriber-filter').getByLabel('Reference code').fill(target.ref);
  await page.locator('#subscriber-filter').getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('button', { name: `Proof of ${target.ref}` }).click();

  const proof = page.locator('#proof');
  await expect(proof).toBeFocused();
  await expect(proof.locator('#proof-consent')).toHaveText(target.consentId);
  await expect(proof.locator('[data-chain="ok"]')).toHaveText('Hash chain intact: 3 entries checked');
  await expect(proof.locator('.notice-text')).toHaveText(NOTICE_TEXT);
  await expect(proof.locator('b')).toHaveCount(0);
  await expect(proof).toContainText(`Start News Firma ${target.ref}`);
  await expectNoAxeViolations(page);

  await page.emulateMedia({ media: 'print' });
  await expect(proof).toBeVisible();
  await expect(page.locator('#funnel-section')).toBeHidden();
  await expect(page.locator('#subscribers-section')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print proof' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Erase personal data…' }).click();
  await page.getByRole('button', { name: 'Erase now' }).click();
  await expect(page.locator('#proof-status')).toHaveText("Erased 3 entries' personal data.");
  await expect(proof.locator('[data-erased="true"]')).toBeVisible();
  await expect(proof).not.toContainText(`Start News Firma ${target.ref}`);
  await expect(proof.locator('[data-chain="ok"]')).toHaveText('Hash chain intact: 4 entries checked');

  await page.getByRole('button', { name: 'Check all chains' }).click();
  // 27 × 3 + 3 + 2 events, 2 confirmations, 1 withdrawal, 1 erasure
  await expect(page.locator('#chain-result')).toContainText('All 1 chains intact (90 entries), checked');
});
