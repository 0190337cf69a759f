import { expect, test } from '@playwright/test';
import { buildNoticeFixture, events, focused, openNotice, scanQr } from './notice-page.js';

test.beforeAll(buildNoticeFixture);

const whatsappHref = 'https://wa.me/491701234567?text=Start%20News%20Firma%20K7Q2';

test.describe('notice dialog: link phase', () => {
  test('desktop: the QR chunk loads only now; the code encodes the deep link; "open on this device" links to it', async ({
    page,
  }) => {
    const qrRequests: string[] = [];
    page.on('request', (request) => {
      if (/qr-code-[^/]*\.js$/.test(request.url())) qrRequests.push(request.url());
    });
    await openNotice(page, { lang: 'en', desktop: true });
    expect(qrRequests).toEqual([]);

    await page.evaluate(() => window.noticeFixture.setPhase('link'));
    const qr = page.getByRole('img', { name: 'QR code to open WhatsApp on your phone' });
    await expect(qr).toBeVisible();
    expect(qrRequests).toHaveLength(1);
    expect(await qr.evaluate((svg) => svg.getAttribute('part'))).toBe('qr');
    expect(await scanQr(qr)).toBe(whatsappHref);
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(160);

    const openHere = page.getByRole('link', { name: 'Open on this device' });
    await expect(openHere).toHaveAttribute('href', whatsappHref);
    await expect(openHere).toHaveAttribute('target', '_blank');
    // Beside the QR code it is the secondary action (docs/channels.md): outlined, not filled with the accent.
    await expect(openHere).toHaveClass('button');
    await expect(openHere).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    await expect(page.getByText('Scan with your phone to open WhatsApp.')).toBeVisible();
    // The dialog stays labelled by the notice's heading, and the focus moves to the new action.
    await expect(page.getByRole('dialog', { name: 'News from Firma & Söhne via WhatsApp' })).toBeVisible();
    expect(await focused(page)).toMatchObject({ tag: 'a', part: 'open-link' });
    expect(await events(page)).toEqual([{ type: 'notice-link', detail: { via: 'qr' } }]);
  });

  test('German desktop: "Auf diesem Gerät öffnen" and a German QR label', async ({ page }) => {
    await openNotice(page, { lang: 'de', desktop: true, phase: 'link' });
    await expect(
      page.getByRole('img', { name: 'QR-Code, um WhatsApp auf Ihrem Handy zu öffnen' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Auf diesem Gerät öffnen' })).toHaveAttribute(
      'href',
      whatsappHref,
    );
  });

  test('phone, prefilled channel: an "Open WhatsApp" link and no QR code', async ({ page }) => {
    await openNotice(page, { lang: 'en', desktop: false, phase: 'link' });
    const open = page.getByRole('link', { name: 'Open WhatsApp' });
    await expect(open).toHaveAttribute('href', whatsappHref);
    // Without a QR code it is the one action, so the primary one.
    await expect(open).toHaveClass('button primary');
    await expect(page.getByRole('img')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy message' })).toHaveCount(0);
    await open.evaluate((anchor) => anchor.addEventListener('click', (event) => event.preventDefault()));
    await open.click();
    expect(await events(page)).toEqual([{ type: 'notice-link', detail: { via: 'navigation' } }]);
  });

  test('a channel without prefill: copies the exact message and announces "Copied"', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openNotice(page, { lang: 'en', channel: 'signal', phase: 'link' });
    const field = page.getByRole('textbox', { name: 'Your message' });
    await expect(field).toHaveValue('Start News Firma K7Q2');
    await expect(field).toHaveAttribute('readonly', '');
    // The exact message is fully visible, not cut off inside the field.
    expect(await field.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth)).toBe(
      true,
    );
    expect(await focused(page)).toMatchObject({ tag: 'button', part: 'copy' });
    const status = page.getByRole('status');
    await expect(status).toHaveText('');
    await page.getByRole('button', { name: 'Copy message' }).click();
    await expect(status).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Start News Firma K7Q2');
    expect(await events(page)).toEqual([{ type: 'notice-link', detail: { via: 'copy' } }]);
    await expect(page.getByRole('link', { name: 'Open Signal' })).toHaveAttribute(
      'href',
      'https://signal.me/#p/+491701234567',
    );
  });

  test('a refused clipboard selects the message instead and says how to copy it', async ({ page }) => {
    await openNotice(page, { lang: 'de', channel: 'signal', phase: 'link' });
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await page.getByRole('button', { name: 'Nachricht kopieren' }).click();
    await expect(page.getByRole('status')).toHaveText(/Nachricht markiert/);
    const selection = await page
      .getByRole('textbox', { name: 'Ihre Nachricht' })
      .evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd, input.value.length]);
    expect(selection).toEqual([0, 21, 21]);
    expect(await events(page)).toEqual([]);
  });

  test('desktop and no prefill: both the copy box and the QR code', async ({ page }) => {
    await openNotice(page, { lang: 'en', channel: 'signal', phase: 'link', desktop: true });
    await expect(page.getByRole('button', { name: 'Copy message' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'QR code to open Signal on your phone' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open on this device' })).toHaveAttribute(
      'href',
      'https://signal.me/#p/+491701234567',
    );
  });

  test('desktop, direct channel (Messenger): a link, no QR code', async ({ page }) => {
    await openNotice(page, { lang: 'en', channel: 'messenger', phase: 'link', desktop: true });
    await expect(page.getByRole('link', { name: 'Open Messenger' })).toHaveAttribute(
      'href',
      'https://m.me/firma?ref=Start_News_Firma_K7Q2',
    );
    await expect(page.getByRole('img')).toHaveCount(0);
  });
});
