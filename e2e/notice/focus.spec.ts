import { expect, test } from '@playwright/test';
import { buildNoticeFixture, events, focused, mount, openNotice } from './notice-page.js';

test.beforeAll(buildNoticeFixture);

test.describe('notice dialog: focus and closing', () => {
  test('is a modal dialog labelled by its heading, with focus moved onto the heading', async ({ page }) => {
    const problems = await openNotice(page, { lang: 'de' });
    const dialog = page.getByRole('dialog', { name: 'News von Firma & Söhne über WhatsApp' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(await focused(page)).toMatchObject({ tag: 'h2', id: 'heading' });
    expect(problems).toEqual([]);
  });

  test('Tab and Shift+Tab cycle inside the dialog', async ({ page }) => {
    await openNotice(page, { lang: 'en' });
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      order.push(now ? `${now.tag}:${now.part || now.text}` : 'none');
    }
    // close ×, privacy link, Details, Cancel, Open WhatsApp, then around again.
    expect(order).toEqual([
      'button:cancel',
      'a:privacy policy (opens in a new tab)',
      'button:Details',
      'button:cancel',
      'button:confirm',
      'button:cancel',
      'a:privacy policy (opens in a new tab)',
    ]);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', part: 'cancel' });
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', part: 'confirm' });
  });

  test('Shift+Tab from the heading wraps to the last control', async ({ page }) => {
    await openNotice(page);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', part: 'confirm' });
  });

  test('Esc closes, reports the dismiss and gives the focus back to the channel button', async ({ page }) => {
    await openNotice(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await events(page)).toEqual([{ type: 'notice-dismiss', detail: { phase: 'notice' } }]);
    expect(await focused(page)).toMatchObject({ tag: 'button', id: 'anchor' });
  });

  test('the close button closes and restores focus', async ({ page }) => {
    await openNotice(page, { lang: 'de' });
    await page.getByRole('button', { name: 'Schließen' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await focused(page)).toMatchObject({ id: 'anchor' });
  });

  test('a click outside closes; a click inside does not', async ({ page }) => {
    await openNotice(page);
    await page.getByRole('dialog').getByText('Firma & Söhne sends you news').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByRole('heading', { name: 'Shop' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await events(page)).toEqual([{ type: 'notice-dismiss', detail: { phase: 'notice' } }]);
  });

  test('removing the dialog while it has focus returns the focus to the anchor', async ({ page }) => {
    await openNotice(page);
    await page.keyboard.press('Tab');
    await page.evaluate(() => window.noticeFixture.remove());
    expect(await focused(page)).toMatchObject({ id: 'anchor' });
  });

  test('reopening after a close moves the focus in again', async ({ page }) => {
    await openNotice(page);
    await page.keyboard.press('Escape');
    await mount(page, { lang: 'en' });
    expect(await focused(page)).toMatchObject({ tag: 'h2' });
  });
});
