import { test } from '@playwright/test';
import { expect, expectNoAxeViolations, recordPage } from './support.js';

// Real Chromium on a shared 2-core machine: flows with lazy chunks and a counting endpoint take time.
test.describe.configure({ timeout: 90_000 });

// axe-core finds no violations in any state the visitor can reach: list, notice, link phase with
// QR code and copy field, floating panel, unsubscribe mode (the error state: bad-config.spec.ts).

test('inline: list, notice, QR phase, copy phase', async ({ page }) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/inline.html');
  const whatsapp = page.getByRole('button', { name: /WhatsApp/ });
  await expect(whatsapp).toBeVisible();
  await expectNoAxeViolations(page);

  await whatsapp.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);

  await dialog.getByRole('button', { name: /WhatsApp/ }).click();
  await expect(dialog.getByRole('img', { name: /QR/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: /Signal/ }).click();
  // Signal cannot prefill the message, so the ticked box is the act of consent.
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: /Signal/ }).click();
  await expect(dialog.getByRole('textbox')).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await log.violations()).toEqual([]);
});

test('inline, unsubscribe mode and its dialog', async ({ page }) => {
  await page.goto('/e2e/fixtures/widget/inline.html');
  await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /Telegram/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('floating: launcher, open panel, notice', async ({ page }) => {
  await page.goto('/e2e/fixtures/widget/floating.html');
  const launcher = page.getByRole('button', { name: 'Newsletter via messenger' });
  await expect(launcher).toBeVisible();
  await expectNoAxeViolations(page);
  await launcher.click();
  await expect(page.getByRole('button', { name: /Threema/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /Threema/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('dark theme keeps the contrast', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/e2e/fixtures/widget/inline.html');
  await page.locator('messenger-optin').evaluate((element) => element.setAttribute('theme', 'auto'));
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
