// The whole double opt-in loop on `npm run demo`, as a visitor and a site owner live it: consent in
// the real widget, the visitor's own messenger message from the demo phone (a signed Telegram /
// WhatsApp webhook, built and signed by the demo server), the business's reply in the phone, the
// consent log's states pending → confirmed → withdrawn, erasure, and the chain still verifying.
import type { APIRequestContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from '../widget/support.js';
import { expect, test } from './demo-fixture.js';
import type { RunningDemo } from './demo-process.js';
import { blockOutsideRequests, watchForProblems } from './demo-page-checks.js';

test.describe.configure({ timeout: 120_000 });

// Senders of this spec only (the consent log spec uses the phone's defaults).
const TELEGRAM_CHAT = '730000001';
const WHATSAPP_NUMBER = '4915730000001';

interface ConsentDetail {
  channel: string;
  consentId: string;
  ref: string;
  message: string;
  href: string;
}

interface EntryView {
  type: string;
  kind: string;
  consentId: string | null;
  record: Record<string, unknown>;
}

function admin(request: APIRequestContext, demo: RunningDemo, path: string, method = 'GET') {
  return request.fetch(new URL(path, demo.url).href, {
    method,
    headers: { authorization: `Bearer ${demo.adminToken}` },
  });
}

/** Consents in the real widget on the German shop page; resolves with the widget's event detail. */
async function consentInWidget(page: Page, channel: 'Telegram' | 'WhatsApp'): Promise<ConsentDetail> {
  const consent = page.evaluate(
    () =>
      new Promise<ConsentDetail>((resolve) =>
        document.addEventListener('optin-consent', (event) => resolve((event as CustomEvent).detail), {
          once: true,
        }),
      ),
  );
  await page.getByRole('button', { name: channel, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: new RegExp(`${channel} öffnen`) }).click();
  return consent;
}

test('widget consent → messenger message confirms → Stop withdraws → erasure keeps the chain green', async ({
  page,
  context,
  request,
  demo,
}) => {
  const problems = await watchForProblems(page);
  await blockOutsideRequests(page);
  const phone = page.getByRole('complementary', { name: 'Demo phone' });
  const chat = phone.getByRole('log', { name: 'Chat with Firma' });

  // 1. Telegram: the START tap sends `/start <payload>`.
  await page.goto(demo.url);
  await expect(page.locator('#demo-phone[data-ready="true"]')).toBeAttached();
  const telegram = await consentInWidget(page, 'Telegram');
  const payload = new URL(telegram.href).searchParams.get('start');
  expect(payload).toBe(`Start_News_Firma_${telegram.ref}`);
  await expect(phone.getByLabel('Messenger')).toHaveValue('telegram');
  await expect(phone.getByLabel('Message')).toHaveValue(`/start ${payload}`);
  await phone.getByLabel('Your Telegram chat id').fill(TELEGRAM_CHAT);
  await phone.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(chat.locator('li[data-direction="received"]').last()).toContainText(
    'Danke! Sie erhalten ab jetzt News und Angebote von Firma über Telegram.',
  );

  // 2. WhatsApp: the prefilled text `Start News Firma <ref>`.
  await page.goto(demo.url);
  const whatsapp = await consentInWidget(page, 'WhatsApp');
  await expect(phone.getByLabel('Messenger')).toHaveValue('whatsapp');
  await expect(phone.getByLabel('Message')).toHaveValue(`Start News Firma ${whatsapp.ref}`);
  await phone.getByLabel('Your WhatsApp number').fill(`+${WHATSAPP_NUMBER}`);
  await phone.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(chat.locator('li[data-direction="received"]').last()).toContainText('über WhatsApp');
  await expectNoAxeViolations(page);

  // 3. The consent log (a second tab) shows both confirmed, and the subscribers.
  const log = await context.newPage();
  const logProblems = await watchForProblems(log);
  await log.goto(new URL('consents.html', demo.url).href);
  await log.getByLabel('Admin token').fill(demo.adminToken);
  await log.getByRole('button', { name: 'Show consents' }).click();
  const row = (consentId: string) => log.locator(`#consent-list tr[data-consent-id="${consentId}"]`);
  const subscriber = (consentId: string) =>
    log.locator(`#subscriber-list tr[data-consent-ids~="${consentId}"]`);
  for (const consent of [telegram, whatsapp]) {
    await expect(row(consent.consentId)).toHaveAttribute('data-state', 'confirmed', { timeout: 15_000 });
    await expect(subscriber(consent.consentId)).toHaveAttribute('data-state', 'confirmed');
  }

  // The proof bundle holds web consent, the message and the confirmation, in one intact chain.
  await row(telegram.consentId)
    .getByRole('button', { name: /Proof bundle/ })
    .click();
  const proof = log.locator('#proof');
  await expect(proof).toContainText('From the messenger (2)');
  await expect(proof).toContainText('message_received');
  await expect(proof.locator('[data-chain="ok"]')).toBeVisible();
  const bundle = (await (await admin(request, demo, `/v1/consents/${telegram.consentId}`)).json()) as {
    events: EntryView[];
    inbound: EntryView[];
    chain: { ok: boolean };
  };
  expect(bundle.events.map((entry) => entry.type)).toEqual(expect.arrayContaining(['consent_given']));
  expect(bundle.inbound.map((entry) => entry.type)).toEqual(['message_received', 'confirmed']);
  expect(bundle.inbound[0]?.record).toMatchObject({
    provider: 'telegram',
    trigger: 'start',
    ref: telegram.ref,
  });
  expect(bundle.chain.ok).toBe(true);
  await expectNoAxeViolations(log);

  // 4. A rights keyword is recorded as a request and acknowledged; the subscriber is flagged.
  const keywords = phone.getByRole('group', { name: 'Send a keyword' });
  await keywords.getByRole('button', { name: 'Auskunft' }).click();
  await expect(chat.locator('li[data-direction="received"]').last()).toContainText(
    'Ihre Auskunftsanfrage ist eingegangen',
  );
  await expect(subscriber(whatsapp.consentId)).toContainText('open_rights_request', { timeout: 15_000 });

  // 5. `Stop` from WhatsApp withdraws that subscription at once and is answered.
  await keywords.getByRole('button', { name: 'Stop' }).click();
  await expect(chat.locator('li[data-direction="received"]').last()).toContainText('Sie sind abgemeldet');
  await expect(row(whatsapp.consentId)).toHaveAttribute('data-state', 'withdrawn', { timeout: 15_000 });
  await expect(subscriber(whatsapp.consentId)).toHaveAttribute('data-state', 'withdrawn');
  await expect(row(telegram.consentId)).toHaveAttribute('data-state', 'confirmed');
  await expect
    .poll(async () => {
      const proofBundle = (await (
        await admin(request, demo, `/v1/consents/${whatsapp.consentId}`)
      ).json()) as {
        inbound: EntryView[];
      };
      return proofBundle.inbound.map((entry) => entry.type);
    })
    .toEqual(['message_received', 'confirmed', 'message_received', 'withdrawn']);

  // 6. Erasure of the WhatsApp subscriber: the address is gone, the chain still verifies.
  log.once('dialog', (dialog) => void dialog.accept());
  await subscriber(whatsapp.consentId)
    .getByRole('button', { name: /Erase the personal data/ })
    .click();
  await expect(subscriber(whatsapp.consentId).locator('td.personal')).toHaveText('erased', {
    timeout: 15_000,
  });
  await expect(subscriber(telegram.consentId).locator('td.personal')).toHaveText('kept');

  const listed = (await (await admin(request, demo, '/v1/subscribers?include=address&limit=500')).json()) as {
    items: Array<{ consentIds: string[]; address: string | null }>;
  };
  expect(listed.items.find((item) => item.consentIds.includes(whatsapp.consentId))?.address).toBeNull();
  const exported = await (await admin(request, demo, '/v1/export?format=ndjson')).text();
  expect(exported).not.toContain(WHATSAPP_NUMBER);
  expect(exported).not.toContain(TELEGRAM_CHAT); // only keyed hashes in the chain, ever
  const verify = await admin(request, demo, '/v1/console/verify', 'POST');
  expect(verify.status()).toBe(200);
  expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);

  expect(await problems()).toEqual([]);
  expect(await logProblems()).toEqual([]);
});

test('the demo phone works at phone width, by keyboard, and refuses requests from other sites', async ({
  page,
  request,
  demo,
}) => {
  const problems = await watchForProblems(page);
  await blockOutsideRequests(page);
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(demo.url);
  const phone = page.getByRole('complementary', { name: 'Demo phone' });
  await expect(page.locator('#demo-phone[data-ready="true"]')).toBeAttached();
  // Nothing of the panel sticks out of a phone screen.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);

  // Keyboard only: choose WhatsApp, type a number and a message, send with Enter.
  await phone.getByLabel('Messenger').focus();
  await page.keyboard.press('ArrowDown'); // → WhatsApp
  await expect(phone.getByLabel('Messenger')).toHaveValue('whatsapp');
  await page.keyboard.press('Tab');
  await expect(phone.getByLabel('Your WhatsApp number')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('4915730000099');
  await page.keyboard.press('Tab'); // the chat log is focusable, so it can be scrolled by keyboard
  await expect(phone.getByRole('log')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(phone.getByLabel('Message')).toBeFocused();
  await page.keyboard.type('Hallo, habt ihr heute offen?');
  await page.keyboard.press('Enter');
  await expect(phone.getByRole('log').locator('li[data-direction="sent"]').last()).toHaveText(
    /Hallo, habt ihr heute offen\?/,
  );
  await expect(phone.getByRole('status')).toContainText('signed WhatsApp webhook');
  await expectNoAxeViolations(page);

  // The browser holds no provider secret: it posts channel, sender and text; another site cannot.
  const refused = await request.post(new URL('/demo/phone/messages', demo.url).href, {
    headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
    data: { channel: 'whatsapp', from: '4915730000099', text: 'Stop' },
  });
  expect(refused.status()).toBe(403);
  const bad = await request.post(new URL('/demo/phone/messages', demo.url).href, {
    headers: { origin: new URL(demo.url).origin, 'content-type': 'application/json' },
    data: { channel: 'telegram', from: 'not-a-chat-id', text: 'Stop' },
  });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { message: string }).message).toContain('chat id');
  expect(await problems()).toEqual([]);
});
