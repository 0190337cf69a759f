import { expect, test } from '@playwright/test';

test('the script-tag bundle renders the company name as text', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto('/e2e/fixtures/basic.html');
  await expect(page.locator('messenger-optin')).toContainText('Firma & Söhne');
  expect(errors).toEqual([]);
});
