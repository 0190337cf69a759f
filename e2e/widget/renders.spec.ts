import { test } from '@playwright/test';
import { expect, recordPage } from './support.js';

// Real Chromium on a shared 2-core machine: flows with lazy chunks and a counting endpoint take time.
test.describe.configure({ timeout: 90_000 });

// Strings from the config are rendered as text, never as HTML (docs/architecture.md#rules-every-part-keeps, "What bad input gets").

test('config strings with markup show as text in the buttons and the notice', async ({ page }) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/empty.html');
  await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined);
  await page.evaluate(() => {
    const element = document.createElement('messenger-optin');
    element.setAttribute('company', '<b>Firma</b> & Söhne');
    element.setAttribute('purpose', 'News');
    element.setAttribute('privacy-policy', 'https://firma.example/privacy');
    element.setAttribute(
      'channels',
      '[{"type":"whatsapp","phone":"+49 170 1234567","label":"<img src=x>WhatsApp-Kanal"}]',
    );
    document.getElementById('host')?.append(element);
  });
  const button = page.getByRole('button', { name: /WhatsApp/ });
  await expect(button).toContainText('<img src=x>WhatsApp-Kanal');
  await button.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('<b>Firma</b> & Söhne');
  const markup = await page.locator('messenger-optin').evaluate((element) => {
    const notice = element.shadowRoot?.querySelector('messenger-optin-notice');
    return [element.shadowRoot, notice?.shadowRoot].map((root) => root?.querySelectorAll('b, img').length);
  });
  expect(markup).toEqual([0, 0]);
  expect(log.pageErrors).toEqual([]);
  expect(await log.violations()).toEqual([]);
});
