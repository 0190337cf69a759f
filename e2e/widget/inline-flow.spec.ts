import { createHash } from 'node:crypto';
import { test, type Page } from '@playwright/test';
import { bucketName, expect, recordPage, refPattern, storedEvents, useEndpoint } from './support.js';

// Real Chromium on a shared 2-core machine: flows with lazy chunks and a counting endpoint take time.
test.describe.configure({ timeout: 90_000 });

// The whole opt-in flow of the inline layout, on a German page under a strict CSP with Trusted
// Types required. Desktop Chromium (fine pointer): channels with a QR strategy show the QR phase.

async function openWidget(page: Page, title: string) {
  const log = await recordPage(page);
  const bucket = bucketName(title);
  await page.goto('/e2e/fixtures/widget/inline.html');
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  await useEndpoint(page, bucket);
  return { log, bucket };
}

async function tabTo(page: Page, isTarget: () => Promise<boolean>, limit = 15) {
  for (let i = 0; i < limit && !(await isTarget()); i += 1) await page.keyboard.press('Tab');
  expect(await isTarget()).toBe(true);
}

test('WhatsApp by mouse: notice, consent, QR with the exact link, events at the endpoint', async ({
  page,
}) => {
  const { log, bucket } = await openWidget(page, 'inline-mouse-whatsapp');
  await expect(
    page
      .getByRole('heading', { name: 'Newsletter per Messenger' })
      .or(page.getByText('Newsletter per Messenger')),
  ).toBeVisible();

  await page.getByRole('button', { name: /WhatsApp/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Firma');

  await dialog.getByRole('button', { name: /WhatsApp/ }).click();
  const open = dialog.getByRole('link', { name: 'Auf diesem Gerät öffnen' });
  await expect(open).toHaveAttribute(
    'href',
    new RegExp(`^https://wa\\.me/491701234567\\?text=Start%20News%20Firma%20${refPattern}$`),
  );
  await expect(dialog.getByRole('img', { name: /QR/ })).toBeVisible();

  const href = await open.getAttribute('href');
  const events = await log.events();
  expect(events.map((event) => event.type)).toEqual([
    'optin-notice-open',
    'optin-consent',
    'optin-link-open',
  ]);
  const [opened, consent, link] = events;
  expect(opened?.detail).toMatchObject({
    channel: 'whatsapp',
    notice: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
  });
  expect(consent?.cancelable).toBe(true);
  expect(consent?.detail).toMatchObject({
    channel: 'whatsapp',
    href,
    consentId: opened?.detail['consentId'],
  });
  expect(consent?.detail['message']).toBe(`Start News Firma ${String(consent?.detail['ref'])}`);
  expect(link?.detail).toMatchObject({ channel: 'whatsapp', via: 'qr', href });

  const stored = await storedEvents(page, bucket, ['notice_shown', 'consent_given', 'link_opened']);
  const byType = Object.fromEntries(stored.map((event) => [event.type, event]));
  expect(byType['notice_shown']?.notice?.text).toContain('Firma');
  expect(byType['consent_given']).toMatchObject({
    channel: 'whatsapp',
    action: 'button',
    consentId: opened?.detail['consentId'],
    ref: consent?.detail['ref'],
    message: consent?.detail['message'],
    page: { path: '/e2e/fixtures/widget/inline.html' },
  });
  expect(new Set(stored.map((event) => event.consentId)).size).toBe(1);
  expect(log.consoleErrors).toEqual([]);
  expect(log.pageErrors).toEqual([]);
  expect(await log.violations()).toEqual([]);
});

test('WhatsApp by keyboard only: Tab, Enter, confirm by keyboard, Esc returns focus', async ({ page }) => {
  const { log, bucket } = await openWidget(page, 'inline-keyboard');
  const whatsapp = page.getByRole('button', { name: /WhatsApp/ });
  await tabTo(page, () => whatsapp.evaluate((button) => button.matches(':focus')));
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: /WhatsApp/ });
  await expect.poll(() => dialog.evaluate((node) => node.matches(':focus-within'))).toBe(true);
  await tabTo(page, () => confirm.evaluate((button) => button.matches(':focus')));
  await page.keyboard.press('Enter');

  await expect(dialog.getByRole('link', { name: 'Auf diesem Gerät öffnen' })).toBeVisible();
  const stored = await storedEvents(page, bucket, ['consent_given']);
  expect(stored.find((event) => event.type === 'consent_given')?.action).toBe('keyboard');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(whatsapp).toBeFocused();
  expect(log.pageErrors).toEqual([]);
});

test('Telegram bot: the payload link, and no message to copy (START sends the code)', async ({ page }) => {
  const { log } = await openWidget(page, 'inline-telegram');
  await page.getByRole('button', { name: /Telegram/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Telegram/ }).click();
  const [consent] = (await log.events()).filter((event) => event.type === 'optin-consent');
  const ref = String(consent?.detail['ref']);
  await expect(dialog.getByRole('link', { name: 'Auf diesem Gerät öffnen' })).toHaveAttribute(
    'href',
    `https://t.me/firma_bot?start=Start_News_Firma_${ref}`,
  );
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Nachricht kopieren' })).toHaveCount(0);
});

test('Signal: a link without prefill, the message to copy, copying is recorded', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { log, bucket } = await openWidget(page, 'inline-signal');
  await page.getByRole('button', { name: /Signal/ }).click();
  const dialog = page.getByRole('dialog');
  // Signal cannot prefill the message, so the ticked box is the act of consent (docs/notices.md).
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: /Signal/ }).click();
  await expect(dialog.getByRole('link', { name: 'Auf diesem Gerät öffnen' })).toHaveAttribute(
    'href',
    'https://signal.me/#p/+491707654321',
  );
  const [consent] = (await log.events()).filter((event) => event.type === 'optin-consent');
  await expect(dialog.getByRole('textbox')).toHaveValue(String(consent?.detail['message']));

  await dialog.getByRole('button', { name: 'Nachricht kopieren' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(consent?.detail['message']);
  await expect
    .poll(async () =>
      (await log.events())
        .filter((event) => event.type === 'optin-link-open')
        .map((event) => event.detail['via']),
    )
    .toContain('copy');
  await storedEvents(page, bucket, ['consent_given', 'link_opened']);
});

test('require-checkbox: confirm stays disabled until the box is ticked, the action says so', async ({
  page,
}) => {
  const { bucket } = await openWidget(page, 'inline-checkbox');
  await page.locator('messenger-optin').evaluate((element) => element.setAttribute('require-checkbox', ''));
  await page.getByRole('button', { name: /WhatsApp/ }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: /WhatsApp/ });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('checkbox').check();
  await expect(confirm).toBeEnabled();
  await confirm.click();
  const stored = await storedEvents(page, bucket, ['consent_given']);
  expect(stored.find((event) => event.type === 'consent_given')?.action).toBe('checkbox+button');
});

test('require-checkbox by keyboard: the action still says the box was ticked', async ({ page }) => {
  const { bucket } = await openWidget(page, 'inline-checkbox-keyboard');
  await page.locator('messenger-optin').evaluate((element) => element.setAttribute('require-checkbox', ''));
  const whatsapp = page.getByRole('button', { name: /WhatsApp/ });
  await tabTo(page, () => whatsapp.evaluate((button) => button.matches(':focus')));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  const checkbox = dialog.getByRole('checkbox');
  await tabTo(page, () => checkbox.evaluate((box) => box.matches(':focus')));
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  const confirm = dialog.getByRole('button', { name: /WhatsApp/ });
  await tabTo(page, () => confirm.evaluate((button) => button.matches(':focus')));
  await page.keyboard.press('Enter');
  const stored = await storedEvents(page, bucket, ['consent_given']);
  expect(stored.find((event) => event.type === 'consent_given')?.action).toBe('checkbox+button');
});

test('cancelling optin-consent opens no link and records no consent', async ({ page }) => {
  const { log, bucket } = await openWidget(page, 'inline-cancel');
  await page.evaluate(() => document.addEventListener('optin-consent', (event) => event.preventDefault()));
  await page.getByRole('button', { name: /WhatsApp/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /WhatsApp/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: 'Auf diesem Gerät öffnen' })).toHaveCount(0);

  expect((await log.events()).map((event) => event.type)).toEqual(['optin-notice-open', 'optin-consent']);

  // A later event as the marker, instead of a fixed wait: the outbox sends oldest first, so a
  // consent_given recorded at the click would be stored before the notice_dismissed of the next
  // notice the visitor opens and closes.
  await page.getByRole('button', { name: /WhatsApp/ }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const stored = await storedEvents(page, bucket, ['notice_shown', 'notice_dismissed']);
  expect(stored.map((event) => event.type)).not.toContain('consent_given');
});

test('dismissing the notice records notice_dismissed and gives focus back', async ({ page }) => {
  const { bucket } = await openWidget(page, 'inline-dismiss');
  const telegram = page.getByRole('button', { name: /Telegram/ });
  await telegram.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(telegram).toBeFocused();
  const stored = await storedEvents(page, bucket, ['notice_shown', 'notice_dismissed']);
  expect(stored.find((event) => event.type === 'notice_dismissed')?.channel).toBe('telegram');
});

test('unsubscribe: the withdraw link with the Stop keyword, optin-withdraw and withdrawal_requested', async ({
  page,
}) => {
  const { log, bucket } = await openWidget(page, 'inline-withdraw');
  const toggle = page.getByRole('button', { name: 'Abmelden', exact: true });
  await toggle.click();
  // The toggle says what it does next, the headline which mode the list is in.
  await expect(page.getByRole('button', { name: 'Zurück zur Anmeldung', exact: true })).toBeFocused();
  await expect(page.getByText('Vom Messenger-Newsletter abmelden')).toBeVisible();
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toHaveText('WhatsApp abmelden');
  await page.getByRole('button', { name: /WhatsApp/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Stop News Firma');
  await dialog.getByRole('button', { name: /WhatsApp/ }).click();
  await expect(dialog.getByRole('link', { name: 'Auf diesem Gerät öffnen' })).toHaveAttribute(
    'href',
    'https://wa.me/491701234567?text=Stop%20News%20Firma',
  );
  const withdraw = (await log.events()).find((event) => event.type === 'optin-withdraw');
  expect(withdraw?.detail).toEqual({
    channel: 'whatsapp',
    href: 'https://wa.me/491701234567?text=Stop%20News%20Firma',
  });
  const stored = await storedEvents(page, bucket, ['notice_shown', 'withdrawal_requested']);
  const withdrawal = stored.find((event) => event.type === 'withdrawal_requested');
  expect(withdrawal?.message).toBe('Stop News Firma');
  // The Stop message carries no reference code, so the event names none.
  expect(withdrawal).not.toHaveProperty('ref');
  expect(withdrawal?.notice?.id).toMatch(/^whatsapp\.de\.withdraw\.v/);
  // The withdraw notice's full text went to the endpoint, under the hash the withdrawal names.
  const shown = stored.find((event) => event.type === 'notice_shown');
  expect(shown).toMatchObject({
    consentId: withdrawal?.consentId,
    notice: { sha256: withdrawal?.notice?.sha256 },
  });
  expect(shown?.notice?.text).toContain('Stop News Firma');
  expect(
    createHash('sha256')
      .update(shown?.notice?.text ?? '')
      .digest('hex'),
  ).toBe(withdrawal?.notice?.sha256);
  expect(shown).not.toHaveProperty('ref');
  expect(stored.map((event) => event.type)).not.toContain('consent_given');
  expect((await log.events()).map((event) => event.type)).toEqual(['optin-withdraw']);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true });

  test('WhatsApp opens the universal link itself after consent', async ({ page }) => {
    await page.route('https://wa.me/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>wa.me</title>' }),
    );
    const { bucket } = await openWidget(page, 'inline-phone');
    await page.getByRole('button', { name: /WhatsApp/ }).tap();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /WhatsApp/ }).tap();
    await page.waitForURL(/^https:\/\/wa\.me\//);
    expect(page.url()).toMatch(
      new RegExp(`^https://wa\\.me/491701234567\\?text=Start%20News%20Firma%20${refPattern}$`),
    );
    // Outbox first: the consent reached the endpoint although the page navigated away at once.
    const stored = await storedEvents(page, bucket, ['consent_given']);
    expect(stored.find((event) => event.type === 'consent_given')?.channel).toBe('whatsapp');
  });

  test('with a reachable endpoint the consent is at the server before the messenger opens', async ({
    page,
  }) => {
    const { bucket } = await openWidget(page, 'inline-phone-first');
    // What the server holds at the moment the page asks for the messenger's link, and how long
    // after the confirming tap began that was.
    let heldAtNavigation: string[] | undefined;
    let tapped = Number.NaN;
    let waited = Number.NaN;
    await page.route('https://wa.me/**', async (route) => {
      waited = Date.now() - tapped;
      const stats = (await (await page.request.get(`/collect/${bucket}/stats`)).json()) as {
        events: Array<{ type: string }>;
      };
      heldAtNavigation = stats.events.map((event) => event.type).sort();
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>wa.me</title>' });
    });
    await page.getByRole('button', { name: /WhatsApp/ }).tap();
    const confirm = page.getByRole('dialog').getByRole('button', { name: /WhatsApp/ });
    await expect(confirm).toBeVisible();
    tapped = Date.now();
    await confirm.tap();
    await page.waitForURL(/^https:\/\/wa\.me\//);
    // The widget gives the records up to 300 ms to reach the server before it navigates. On a
    // working network they are there; a machine too loaded to deliver them in that time must still
    // have waited it out (measured from before the tap, so the wait can only look longer). Either
    // way they arrive: the keepalive send on leaving delivers what was still on its way.
    if (heldAtNavigation?.length !== 3) expect(waited).toBeGreaterThanOrEqual(300);
    else expect(heldAtNavigation).toEqual(['consent_given', 'link_opened', 'notice_shown']);
    const stored = await storedEvents(page, bucket, ['notice_shown', 'consent_given', 'link_opened']);
    expect(stored.map((event) => event.type).sort()).toEqual([
      'consent_given',
      'link_opened',
      'notice_shown',
    ]);
  });

  test('Telegram bot opens at once: START sends the code, nothing to copy, no QR', async ({ page }) => {
    await openWidget(page, 'inline-phone-telegram');
    await page.route(/^https:\/\/t\.me\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>t.me</title>' }),
    );
    await page.getByRole('button', { name: /Telegram/ }).tap();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Telegram/ })
      .tap();
    await page.waitForURL(new RegExp(`^https://t\\.me/firma_bot\\?start=Start_News_Firma_${refPattern}$`));
  });
});

test('moving the element while its notice is open closes the notice and keeps the widget working', async ({
  page,
}) => {
  const { log } = await openWidget(page, 'inline-move');
  await page.getByRole('button', { name: /WhatsApp/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.locator('messenger-optin').evaluate((element) => document.body.append(element));
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: /Telegram/ }).click();
  await expect(page.getByRole('dialog')).toContainText('Telegram');
  expect(log.pageErrors).toEqual([]);
});
