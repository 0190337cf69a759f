import { test } from '@playwright/test';
import { bucketName, expect, recordPage, refPattern, storedEvents, useEndpoint } from './support.js';

// Real Chromium on a shared 2-core machine: flows with lazy chunks and a counting endpoint take time.
test.describe.configure({ timeout: 90_000 });

// The floating layout: a launcher fixed in a corner that opens the channel list. It must not move
// anything on the host page.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    Object.assign(window, { __shifts: shifts });
    new PerformanceObserver((list) => {
      // Shifts right after the visitor's own input (opening the panel) don't count (CLS definition).
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & { value: number; hadRecentInput: boolean }
      >)
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
});

test('the launcher takes no space and shifts no layout', async ({ page }) => {
  await page.goto('/e2e/fixtures/widget/floating.html');
  const launcher = page.getByRole('button', { name: 'Newsletter via messenger' });
  await expect(launcher).toBeVisible();
  const host = await page.locator('messenger-optin').boundingBox();
  expect(host?.height).toBe(0);
  const before = await page.locator('#before').boundingBox();
  const after = await page.locator('#after').boundingBox();
  // Only the paragraphs' own margin (1em = 16px) lies between them: the widget adds nothing.
  expect((after?.y ?? 0) - ((before?.y ?? 0) + (before?.height ?? 0))).toBeCloseTo(16, 0);
  const box = await launcher.boundingBox();
  const viewport = page.viewportSize();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeGreaterThan((viewport?.width ?? 0) - 40);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan((viewport?.height ?? 0) - 40);
  expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
});

test('by mouse: launcher, channel, notice, consent, QR', async ({ page }) => {
  const log = await recordPage(page);
  const bucket = bucketName('floating-mouse');
  await page.goto('/e2e/fixtures/widget/floating.html');
  await useEndpoint(page, bucket);
  const launcher = page.getByRole('button', { name: 'Newsletter via messenger' });
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeHidden();
  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');

  await page.getByRole('button', { name: /Threema/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /Threema/ }).click();
  await expect(dialog.getByRole('link', { name: 'Open on this device' })).toHaveAttribute(
    'href',
    new RegExp(`^https://threema\\.id/ABCD1234\\?text=Start%20News%20Shop%20Ltd%20${refPattern}$`),
  );
  await storedEvents(page, bucket, ['notice_shown', 'consent_given', 'link_opened']);
  expect((await log.events()).map((event) => event.type)).toEqual([
    'optin-notice-open',
    'optin-consent',
    'optin-link-open',
  ]);
  expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
  expect(await log.violations()).toEqual([]);
});

test('by keyboard only: open the panel, pick WhatsApp, confirm, close everything with Esc', async ({
  page,
}) => {
  const bucket = bucketName('floating-keyboard');
  await page.goto('/e2e/fixtures/widget/floating.html');
  await useEndpoint(page, bucket);
  const launcher = page.getByRole('button', { name: 'Newsletter via messenger' });
  await page.keyboard.press('Tab');
  await expect(launcher).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');

  const whatsapp = page.getByRole('button', { name: /WhatsApp/ });
  for (let i = 0; i < 5 && !(await whatsapp.evaluate((button) => button.matches(':focus'))); i += 1)
    await page.keyboard.press('Tab');
  await expect(whatsapp).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: /WhatsApp/ });
  for (let i = 0; i < 15 && !(await confirm.evaluate((button) => button.matches(':focus'))); i += 1)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('link', { name: 'Open on this device' })).toHaveAttribute(
    'href',
    new RegExp(`^https://wa\\.me/447700900123\\?text=Start%20News%20Shop%20Ltd%20${refPattern}$`),
  );
  const stored = await storedEvents(page, bucket, ['consent_given']);
  expect(stored.find((event) => event.type === 'consent_given')?.action).toBe('keyboard');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(whatsapp).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(launcher).toBeFocused();
});

test('the script tag alone mounts a floating launcher from its data-* attributes', async ({ page }) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/script-tag.html');
  const launcher = page.getByRole('button', { name: 'Newsletter per Messenger' });
  await expect(launcher).toBeVisible();
  await expect(page.locator('messenger-optin')).toHaveCount(1);
  await expect(page.locator('messenger-optin')).toHaveAttribute('company', 'Bäckerei Korn');
  await launcher.click();
  await page.getByRole('button', { name: /WhatsApp/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Bäckerei Korn');
  await dialog.getByRole('button', { name: /WhatsApp/ }).click();
  await expect(dialog.getByRole('link', { name: 'Auf diesem Gerät öffnen' })).toHaveAttribute(
    'href',
    new RegExp(`^https://wa\\.me/49301234567\\?text=Start%20Brot%20B%C3%A4ckerei%20Korn%20${refPattern}$`),
  );
  expect(log.consoleErrors).toEqual([]);
  expect(await log.violations()).toEqual([]);
});

test('the script tag mounts its launcher also when its URL redirects to the file', async ({ page }) => {
  const log = await recordPage(page);
  // Like an unversioned CDN address: import.meta.url is then the URL after the redirect.
  await page.route('**/cdn-latest/messenger-optin.js', (route) =>
    route.fulfill({ status: 302, headers: { location: '/packages/widget/dist/cdn/messenger-optin.js' } }),
  );
  await page.goto('/e2e/fixtures/widget/script-tag-redirect.html');
  const launcher = page.getByRole('button', { name: 'Newsletter per Messenger' });
  await expect(launcher).toBeVisible();
  await expect(page.locator('messenger-optin')).toHaveCount(1);
  await expect(page.locator('messenger-optin')).toHaveAttribute('company', 'Bäckerei Korn');
  await launcher.click();
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  expect(log.consoleErrors).toEqual([]);
});

test('a script tag with data-* that redirects to another file name says why nothing mounted', async ({
  page,
}) => {
  const log = await recordPage(page);
  // A site's own /widget.js that redirects to the bundle: no tag names the file that runs.
  await page.route('**/script-tag-redirect.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('/cdn-latest/messenger-optin.js', '/cdn-latest/widget.js');
    await route.fulfill({ response, body });
  });
  await page.route('**/cdn-latest/widget.js', (route) =>
    route.fulfill({ status: 302, headers: { location: '/packages/widget/dist/cdn/messenger-optin.js' } }),
  );
  await page.goto('/e2e/fixtures/widget/script-tag-redirect.html');
  await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined);
  await expect.poll(() => log.consoleErrors.length).toBe(1);
  expect(log.consoleErrors[0]).toContain('<messenger-optin>');
  expect(log.consoleErrors[0]).toContain('data-company');
  expect(log.consoleErrors[0]).toContain('/packages/widget/dist/cdn/messenger-optin.js');
  await page.waitForLoadState('networkidle');
  expect(log.consoleErrors).toHaveLength(1);
  await expect(page.locator('messenger-optin')).toHaveCount(0);
  expect(log.pageErrors).toEqual([]);
});

test('a <script type="application/json"> child configures the widget', async ({ page }) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/json-config.html');
  await expect(page.getByText('Angebote aufs Handy')).toBeVisible();
  await page.getByRole('button', { name: /Telegram/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Telegram/ }).click();
  // A Telegram account that is not a bot takes the text prefilled.
  await expect(dialog.getByRole('link', { name: 'Auf diesem Gerät öffnen' })).toHaveAttribute(
    'href',
    new RegExp(`^https://t\\.me/jsongmbh\\?text=Start%20News%20JSON%20GmbH%20${refPattern}$`),
  );
  expect(log.consoleErrors).toEqual([]);
});

test('"lang" in the JSON child sets the language on an English page', async ({ page }) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/json-lang.html');
  await expect(page.getByText('Newsletter per Messenger')).toBeVisible();
  await page.getByRole('button', { name: /Telegram/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Telegram öffnen' })).toBeVisible();
  expect((await log.events())[0]?.detail).toMatchObject({ notice: { id: expect.stringContaining('.de.') } });
  expect(log.consoleErrors).toEqual([]);
});

test('Esc on the launcher closes the open panel and keeps the focus there', async ({ page }) => {
  await page.goto('/e2e/fixtures/widget/floating.html');
  const launcher = page.getByRole('button', { name: 'Newsletter via messenger' });
  await page.keyboard.press('Tab');
  await expect(launcher).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  await expect(launcher).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeHidden();
  await expect(launcher).toBeFocused();
});
