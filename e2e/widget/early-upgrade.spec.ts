import { test } from '@playwright/test';
import { expect, recordPage } from './support.js';

// A page whose script runs before the parser reaches the end of the widget (an async or early
// script, streamed HTML): the element is upgraded while its JSON child is not parsed yet.

test('upgraded before its JSON child is parsed: configured from attributes and JSON together, no false error', async ({
  page,
}) => {
  // The parser waits for this script inside the element; meanwhile the async bundle runs and
  // upgrades the element, whose JSON child comes after the script.
  let upgradedEarly = false;
  await page.route('**/e2e/fixtures/widget/slow.js', async (route) => {
    await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined, null, {
      timeout: 10_000,
    });
    upgradedEarly = await page.evaluate(
      () => document.readyState === 'loading' && !document.querySelector('messenger-optin script[type]'),
    );
    await route.fulfill({ contentType: 'text/javascript', body: '' });
  });
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/early-upgrade.html');
  await expect(page.getByRole('button', { name: /Telegram/ })).toBeVisible();
  expect(upgradedEarly).toBe(true);
  expect((await log.events()).filter((event) => event.type === 'optin-error')).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
  expect(log.pageErrors).toEqual([]);
});
