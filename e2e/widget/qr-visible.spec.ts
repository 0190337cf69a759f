import { test, type Page } from '@playwright/test';
import { scanQr } from '../notice/notice-page.js';
import { expect, recordPage, refPattern } from './support.js';

// The QR code step on desktop (a fine pointer): the whole code is on screen, wherever the channel
// button sits, and a phone's scanner reads the exact deep link from the pixels Chromium painted.
test.describe.configure({ timeout: 90_000 });

/** Scrolls (padding the page where it is too short) so that the button's top is at `share` of the viewport. */
async function placeButton(page: Page, type: string, share: number) {
  await page.evaluate(
    ([channel, at]) => {
      const spacer = document.createElement('div');
      spacer.style.height = '150vh';
      document.body.append(spacer);
      const widget = document.querySelector('messenger-optin');
      const button = widget?.shadowRoot?.querySelector(`[data-channel="${channel}"]`);
      if (!button) throw new Error('no button');
      window.scrollBy(0, button.getBoundingClientRect().top - innerHeight * at);
    },
    [type, share] as const,
  );
}

const cases = [
  { width: 1280, height: 800, share: 0.5, channel: 'whatsapp', host: 'wa.me' },
  { width: 1280, height: 800, share: 0.7, channel: 'telegram', host: 't.me' },
  { width: 390, height: 844, share: 0.6, channel: 'whatsapp', host: 'wa.me' },
];

for (const { width, height, share, channel, host } of cases) {
  test(`${width}×${height}, button at ${share * 100}% of the height: the whole ${channel} QR code is visible and scans`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const log = await recordPage(page);
    await page.goto('/e2e/fixtures/widget/inline.html');
    const button = page.locator(`messenger-optin [data-channel="${channel}"]`);
    await expect(button).toBeVisible();
    await placeButton(page, channel, share);
    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('button', { name: new RegExp(channel === 'whatsapp' ? 'WhatsApp' : 'Telegram') })
      .click();
    const open = dialog.getByRole('link', { name: 'Auf diesem Gerät öffnen' });
    const href = await open.getAttribute('href');
    expect(href).toContain(host);
    const qr = dialog.getByRole('img', { name: /QR/ });
    // Whole: every pixel of the code (with its quiet zone) inside the viewport, after any move.
    await expect(qr).toBeInViewport({ ratio: 1 });
    await expect.poll(() => scanQr(qr)).toBe(href);
    // Beside the QR code, what the phone will show: the message to send with its code, or for a
    // Telegram bot (which opens with START, not with a message) the START hint and the code.
    const code = (await dialog.locator('.reference').textContent()) ?? '';
    expect(code).toMatch(new RegExp(`^${refPattern}$`));
    if (channel === 'telegram') {
      await expect(
        dialog.getByText('Telegram öffnet dort den Chat mit unserem Bot. Tippen Sie auf START'),
      ).toBeVisible();
      await expect(dialog.locator('.sent-message')).toHaveCount(0);
    } else {
      await expect(dialog.getByText('Auf dem Handy öffnet sich diese Nachricht')).toBeVisible();
      await expect(dialog.locator('.sent-message')).toHaveText(new RegExp(`^Start News .+ ${code}$`));
    }
    expect(log.pageErrors).toEqual([]);
  });
}
