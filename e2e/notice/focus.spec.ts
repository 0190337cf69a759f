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

  test('a click outside on a page field leaves the focus there; the channel button is not focused on the way', async ({
    page,
  }) => {
    await openNotice(page);
    await page.keyboard.press('Tab');
    await page.evaluate(() => {
      const seen = { count: 0 };
      document.querySelector('#anchor')?.addEventListener('focus', () => (seen.count += 1));
      Object.assign(window, { __anchorFocused: seen });
    });
    // The field sits right below the button, where the popover opens: move it beside the popover,
    // or the click lands on the dialog (and passes or not by the click's timing).
    const field = page.locator('#outside');
    await field.evaluate((input) => input.style.setProperty('margin-left', '500px'));
    const [box, dialog] = [await field.boundingBox(), await page.getByRole('dialog').boundingBox()];
    expect(box && dialog && box.x > dialog.x + dialog.width).toBe(true);
    await field.click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await focused(page)).toMatchObject({ tag: 'input', id: 'outside' });
    expect(
      await page.evaluate(
        () => (window as unknown as { __anchorFocused: { count: number } }).__anchorFocused,
      ),
    ).toEqual({ count: 0 });
    expect(await events(page)).toEqual([{ type: 'notice-dismiss', detail: { phase: 'notice' } }]);
  });

  test.describe('bottom sheet', () => {
    test.use({ hasTouch: true, viewport: { width: 375, height: 667 } });

    test('a tap on the backdrop closes like the close button, and the tap does not reach the page', async ({
      page,
    }) => {
      await openNotice(page);
      await expect(page.locator('messenger-optin-notice').locator('.backdrop')).toBeVisible();
      const sheet = await page.getByRole('dialog').boundingBox();
      expect(sheet?.y).toBeGreaterThan(40);
      await page.evaluate(() => {
        const clicks: string[] = [];
        Object.assign(window, { __clicks: clicks });
        document.addEventListener('click', (event) => clicks.push((event.target as Element).localName));
      });
      // Above the sheet, on the backdrop over the page's heading.
      await page.touchscreen.tap(20, 20);
      await expect(page.getByRole('dialog')).toHaveCount(0);
      expect(await events(page)).toEqual([{ type: 'notice-dismiss', detail: { phase: 'notice' } }]);
      expect(await focused(page)).toMatchObject({ tag: 'button', id: 'anchor' });
      // The tap's click stayed on the backdrop (retargeted to the dialog element), not on the page.
      expect(await page.evaluate(() => (window as unknown as { __clicks: string[] }).__clicks)).toEqual([
        'messenger-optin-notice',
      ]);
    });

    test('a pointer down on the backdrop alone does not close (a drag out of the sheet)', async ({
      page,
    }) => {
      await openNotice(page);
      const dialog = await page.getByRole('dialog').boundingBox();
      if (!dialog) throw new Error('no dialog');
      // Press inside the sheet, release on the backdrop: no click on the backdrop, nothing closes.
      await page.mouse.move(dialog.x + 40, dialog.y + 60);
      await page.mouse.down();
      await page.mouse.move(20, 20, { steps: 4 });
      await page.mouse.up();
      await page.mouse.move(20, 20);
      await page.mouse.down();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.mouse.up();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });
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
