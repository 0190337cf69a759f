import { createHash, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createReceiver } from '../../packages/receiver/src/app.js';
import { resolveInboundConfig } from '../../packages/receiver/src/inbound/config.js';
import { type RunningServer, startServer } from '../../packages/receiver/src/server.js';
import { openStore } from '../../packages/receiver/src/store/open.js';
import { expectNoAxeViolations } from '../widget/support.js';

// Opt-ins without a web consent in /admin: counted by state, listed as "No web consent", and each
// flagged one resolved by Link… (fills the link form with its candidates) or Dismiss.

const TOKEN = 'e2e-flagged-token-0123456789abcdef-xyz';
const SITE = 'https://shop.example';
const SECRET = 'tg-secret_e2e';
const NOTICE_TEXT = 'Firma sends you News on Telegram. Send "Stop" to end it.';
const notice = {
  id: 'telegram.en.v1',
  locale: 'en',
  version: 'v1',
  sha256: createHash('sha256').update(NOTICE_TEXT, 'utf8').digest('hex'),
};

test.describe.configure({ mode: 'serial', timeout: 90_000 });

let server: RunningServer;
const twins: string[] = [];

const event = (consentId: string, type: string, ref: string) => ({
  schema: 'messenger-optin/consent-event@1',
  eventId: randomUUID(),
  consentId,
  type,
  channel: 'telegram',
  ref,
  message: `Start News Firma ${ref}`,
  occurredAt: new Date().toISOString(),
  notice: type === 'notice_shown' ? { ...notice, text: NOTICE_TEXT } : notice,
  ...(type === 'consent_given' ? { action: 'button' } : {}),
  page: { origin: SITE, path: '/' },
  widget: { version: '0.1.0' },
  purpose: 'News',
});

const telegram = (messageId: number, chat: number, text: string) =>
  fetch(`${server.url}/v1/inbound/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({
      update_id: 50_000_000 + messageId,
      message: {
        message_id: messageId,
        from: { id: chat, is_bot: false, first_name: 'A' },
        chat: { id: chat, first_name: 'A', type: 'private' },
        date: Math.floor(Date.now() / 1000),
        text,
      },
    }),
  });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const store = await openStore({ memory: true });
  const { config } = resolveInboundConfig(
    {
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      RECEIVER_PUBLIC_URL: 'https://consent.firma.de',
      RECEIVER_HASH_KEY: 'e2e-hash-key-0123456789abcdef-0123',
    },
    ['TELEGRAM_WEBHOOK_SECRET'],
  );
  const app = createReceiver({
    store,
    adminToken: TOKEN,
    logger: false,
    rateLimit: false,
    inbound: { config },
  });
  server = await startServer({ app, store, port: 0 });
  // Two pending consents sharing one code: a message with it is ambiguous.
  const events = [];
  for (let index = 0; index < 2; index++) {
    const consentId = randomUUID();
    twins.push(consentId);
    events.push(event(consentId, 'notice_shown', 'AMB2X9'), event(consentId, 'consent_given', 'AMB2X9'));
  }
  const stored = await fetch(`${server.url}/v1/events`, { method: 'POST', body: JSON.stringify(events) });
  expect(((await stored.json()) as { accepted: number }).accepted).toBe(4);
  expect((await telegram(1, 401, 'Start')).status).toBe(200); // unmatched: no code
  expect((await telegram(2, 402, 'Start News Firma AMB2X9')).status).toBe(200); // ambiguous
});

test.afterAll(async () => {
  await server?.close();
});

test('counts, lists and resolves opt-ins without a web consent', async ({ page }) => {
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Admin token').fill(TOKEN);
  await page.getByLabel('Admin token').press('Enter');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();

  const state = (name: string) => page.locator(`#states tr[data-channel="total"] td[data-state="${name}"]`);
  await expect(state('pending')).toHaveText('2');
  await expect(state('unmatched')).toHaveText('1');
  await expect(state('ambiguous')).toHaveText('1');
  await expect(page.locator('#subscribers tr[data-kind="inbound"]')).toHaveCount(2);
  await expect(page.locator('#subscribers tr[data-kind="inbound"]').first()).toContainText('No web consent');

  const flagged = page.locator('#flagged tbody tr');
  await expect(flagged).toHaveCount(2);
  const ambiguous = flagged.filter({ hasText: 'ambiguous' });
  await ambiguous.getByRole('button', { name: /^Link the ambiguous opt-in/ }).click();
  const consentField = page.locator('#link-form input[name="consentId"]');
  await expect(consentField).toBeFocused();
  await expect(page.locator('#link-form input[name="inboundId"]')).not.toHaveValue('');
  const suggestions = await page
    .locator('#link-candidates option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).sort());
  expect(suggestions).toEqual([...twins].sort());
  await consentField.fill(twins[0] as string);
  await page.getByRole('button', { name: 'Link message to consent' }).click();
  await expect(page.locator('#inbound-status')).toHaveText('Linked: the consent is confirmed.');
  await expect(state('confirmed')).toHaveText('1');
  await expect(state('ambiguous')).toHaveText('0');

  await flagged
    .filter({ hasText: 'unmatched' })
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  await expect(page.locator('#inbound-status')).toHaveText(
    'Dismissed: recorded in the log, no longer counted.',
  );
  await expect(state('unmatched')).toHaveText('0');
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toContainText('Nothing here.');
  await expect(page.locator('#subscribers tr[data-kind="inbound"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
