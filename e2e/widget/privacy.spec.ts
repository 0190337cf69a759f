import { test, type Page } from '@playwright/test';
import { expect, storedEvents } from './support.js';

// Real Chromium on a shared 2-core machine: flows with lazy chunks and a counting endpoint take time.
test.describe.configure({ timeout: 90_000 });

// "Nothing is sent and nothing is stored before the visitor interacts" (docs/architecture.md#rules-every-part-keeps, "Privacy by default").

async function storage(page: Page) {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
    cookie: document.cookie,
  }));
}

const empty = { local: 0, session: 0, indexedDB: [], cookie: '' };

test('before any interaction: only the page and the widget files are requested, nothing is stored', async ({
  page,
  context,
  baseURL,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.request.post('/collect/privacy-before-interaction/reset');
  await page.goto('/e2e/fixtures/widget/privacy.html');
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  // The icons, which load after the first paint, are there: the page is as quiet as it gets.
  await expect(page.locator('messenger-optin .channel path').first()).not.toHaveAttribute('d', '');
  await page.waitForLoadState('networkidle');
  // Neither the flow nor the reporter nor the notice texts: they load on intent or on the tap.
  expect(requests.filter((url) => /\/chunks\/(on-intent|start-reporter|de|en)-/.test(url))).toEqual([]);

  const origin = new URL(baseURL ?? '').origin;
  for (const url of requests.filter((url) => !url.startsWith('data:'))) {
    expect(new URL(url).origin).toBe(origin);
    expect(new URL(url).pathname).toMatch(/^\/(e2e\/fixtures\/widget\/|packages\/widget\/dist\/cdn\/)/);
  }
  expect(requests.filter((url) => url.includes('/collect/'))).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(await storage(page)).toEqual(empty);

  // The first tap is the interaction: from here on events go out.
  await page.getByRole('button', { name: /WhatsApp/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await storedEvents(page, 'privacy-before-interaction', ['notice_shown']);
});

test('impression events are sent without interaction but never stored in the browser', async ({ page }) => {
  await page.request.post('/collect/privacy-impressions/reset');
  await page.goto('/e2e/fixtures/widget/impressions.html');
  const [shown] = await storedEvents(page, 'privacy-impressions', ['widget_shown']);
  expect(shown).toMatchObject({ type: 'widget_shown', channel: 'whatsapp' });
  expect(await storage(page)).toEqual(empty);
});
