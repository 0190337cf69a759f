import { test } from '@playwright/test';
import { expect, recordPage } from './support.js';

test.describe.configure({ timeout: 60_000 });

// On the visitor's first sign of intent (here the pointer over a button), once the flow chunk is
// there, the widget renders the first channel's notice once while idle, inert and out of the page
// again within the same task, so that the first tap is faster. Nobody may notice that: no frame shows it,
// the focus stays where it is, no event goes out, and nothing is left behind.
test('the warm-up of the notice on intent is never painted, takes no focus and sends no event', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen = { added: 0, painted: 0, focusins: 0 };
    Object.assign(window, { __warm: seen });
    document.addEventListener('focusin', () => (seen.focusins += 1), { capture: true });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = attach.call(this, init);
      if (this.localName !== 'messenger-optin') return root;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof Element && node.querySelector('messenger-optin-notice')) seen.added += 1;
      }).observe(root, { childList: true });
      // requestAnimationFrame runs right before each frame's paint: is a notice in the tree then?
      const frame = () => {
        if (root.querySelector('messenger-optin-notice')) seen.painted += 1;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      return root;
    };
  });
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/inline.html');
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  const warm = () => page.evaluate(() => (window as unknown as { __warm: Record<string, number> }).__warm);
  // Nothing is warmed up before the visitor shows intent.
  await page.waitForLoadState('networkidle');
  expect((await warm()).added).toBe(0);
  await page.getByRole('button', { name: /WhatsApp/ }).hover();
  await expect.poll(async () => (await warm()).added).toBe(1);

  expect(await warm()).toEqual({ added: 1, painted: 0, focusins: 0 });
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(
    await page.evaluate(
      () =>
        document.querySelector('messenger-optin')?.shadowRoot?.querySelectorAll('messenger-optin-notice')
          .length,
    ),
  ).toBe(0);
  expect(await log.events()).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
  expect(log.pageErrors).toEqual([]);
  expect(await log.violations()).toEqual([]);

  // The first tap still opens the notice as before, with the focus in it.
  await page.getByRole('button', { name: /WhatsApp/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused();
});
