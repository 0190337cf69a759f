import { expect, test } from '@playwright/test';
import { buildNoticeFixture, events, openNotice } from './notice-page.js';

test.beforeAll(buildNoticeFixture);

test.describe('notice dialog: reading and confirming', () => {
  test('the required checkbox enables the confirm button', async ({ page }) => {
    await openNotice(page, { lang: 'de', requireCheckbox: true });
    const confirm = page.getByRole('button', { name: 'WhatsApp öffnen' });
    await expect(confirm).toBeDisabled();
    await page.getByRole('checkbox', { name: /^Ja, ich möchte News/ }).check();
    await expect(confirm).toBeEnabled();
    await page.getByRole('checkbox').uncheck();
    await expect(confirm).toBeDisabled();
    await page.getByRole('checkbox').check();
    await confirm.click();
    expect(await events(page)).toEqual([{ type: 'notice-confirm', detail: { action: 'checkbox+button' } }]);
  });

  test('with the required checkbox, Enter confirms with action "checkbox+button" too', async ({ page }) => {
    await openNotice(page, { lang: 'en', requireCheckbox: true });
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Open WhatsApp' }).focus();
    await page.keyboard.press('Enter');
    expect(await events(page)).toEqual([{ type: 'notice-confirm', detail: { action: 'checkbox+button' } }]);
  });

  test('a mouse click confirms with action "button"', async ({ page }) => {
    await openNotice(page, { lang: 'en' });
    await page.getByRole('button', { name: 'Open WhatsApp' }).click();
    expect(await events(page)).toEqual([{ type: 'notice-confirm', detail: { action: 'button' } }]);
  });

  test('Enter on the confirm button confirms with action "keyboard"', async ({ page }) => {
    await openNotice(page, { lang: 'en' });
    await page.keyboard.press('Shift+Tab'); // from the heading, wraps to the last control: confirm
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await events(page)).toEqual([
      { type: 'notice-confirm', detail: { action: 'keyboard' } },
      { type: 'notice-confirm', detail: { action: 'keyboard' } },
    ]);
  });

  test('"Details" discloses the second layer', async ({ page }) => {
    await openNotice(page, { lang: 'en' });
    const details = page.getByRole('button', { name: 'Details' });
    const legalBasis = page.getByText('Consent, GDPR Art. 6(1)(a)');
    await expect(details).toHaveAttribute('aria-expanded', 'false');
    await expect(legalBasis).toBeHidden();
    await details.click();
    await expect(details).toHaveAttribute('aria-expanded', 'true');
    await expect(legalBasis).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Legal basis' })).toBeVisible();
    const controls = await details.getAttribute('aria-controls');
    expect(
      await page
        .locator('messenger-optin-notice')
        .evaluate((host, id) => !!host.shadowRoot?.getElementById(id ?? ''), controls),
    ).toBe(true);
    await details.click();
    await expect(legalBasis).toBeHidden();
  });

  test('the privacy policy is a link that opens in a new tab without an opener', async ({ page }) => {
    await openNotice(page, { lang: 'de' });
    const link = page.getByRole('link', { name: /Datenschutzerklärung/ });
    await expect(link).toHaveAttribute('href', 'https://firma.example/datenschutz');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener');
  });

  test('markup in notice strings is shown as text, never parsed', async ({ page }) => {
    const problems = await openNotice(page, {
      title: '<img src=x onerror="window.pwned=1">Firma <b>News</b>',
    });
    const dialog = page.getByRole('dialog', {
      name: '<img src=x onerror="window.pwned=1">Firma <b>News</b>',
    });
    await expect(dialog).toBeVisible();
    expect(await dialog.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
    expect(problems).toEqual([]);
  });

  test('withdraw mode: a short text and a "Stop via" confirm, never gated by the checkbox', async ({
    page,
  }) => {
    await openNotice(page, { lang: 'en', mode: 'withdraw', requireCheckbox: true, channel: 'signal' });
    const dialog = page.getByRole('dialog', { name: 'Unsubscribe via Signal' });
    await expect(dialog).toContainText('Stop News Firma');
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await page.getByRole('button', { name: 'Stop via Signal' }).click();
    expect(await events(page)).toEqual([{ type: 'notice-confirm', detail: { action: 'button' } }]);
  });

  test('withdraw mode without notice texts falls back to the dialog strings', async ({ page }) => {
    await openNotice(page, { lang: 'de', mode: 'withdraw', channel: 'signal', bare: true });
    const dialog = page.getByRole('dialog', { name: 'Abmelden über Signal' });
    await expect(dialog).toContainText('senden Sie „Stop News Firma“ in Signal');
    await expect(page.getByRole('button', { name: 'Über Signal abmelden' })).toBeEnabled();
  });
});
