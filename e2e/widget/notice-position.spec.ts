import { test } from '@playwright/test';
import { expect } from './support.js';

// The built script-tag bundle in a page that puts the widget inside a transformed box: the box is
// the containing block of the notice's fixed dialog, so its left/top count from there, not from the
// viewport. The popover must still open right below the tapped channel button.

test('inside a transformed box offset from the page origin, the notice opens below the tapped button', async ({
  page,
}) => {
  // Tall enough for all of Signal's notice below the button: with less room than three quarters of
  // it, the popover covers the button instead (optin-notice/position.ts, BESIDE_MIN_SHARE).
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.goto('/e2e/fixtures/widget/transformed.html');
  // By its part: once the notice is open, its confirm button is named after Signal too.
  const button = page.locator('[part~="channel-signal"]');
  await expect(button).toBeVisible();
  // The box really moved the widget away from where the page's flow alone puts it.
  const box = await page.locator('.transformed').boundingBox();
  expect(box?.x).toBeGreaterThan(100);

  await button.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect
    .poll(async () => {
      const [from, to] = await Promise.all([button.boundingBox(), dialog.boundingBox()]);
      if (!from || !to) return 'no box';
      const gap = to.y - (from.y + from.height);
      const dx = to.x - from.x;
      return Math.abs(gap - 8) <= 1 && Math.abs(dx) <= 1 ? 'below the button' : { gap, dx };
    })
    .toBe('below the button');
});
