import { test, type Page, type Request } from '@playwright/test';
import {
  bucketName,
  expect,
  flowChunk,
  localeChunk,
  recordPage,
  storedEvents,
  useEndpoint,
} from './support.js';

// docs/architecture.md#loading: what a visitor who never taps downloads is the entry and the icons.
// The flow chunk (full validation, notice, Floating UI) loads on the first sign of intent: pointer
// over or down, touch, or focus on the widget. The reporter loads on the tap.

test.describe.configure({ timeout: 90_000 });

const reporterChunk = /\/chunks\/start-reporter-[^/]*\.js$/;
const iconsShown = (page: Page) =>
  expect(page.locator('messenger-optin .channel path').first()).not.toHaveAttribute('d', '');

/** Every request of the page from now on, by URL. */
function requestsOf(page: Page) {
  const urls: string[] = [];
  page.on('request', (request: Request) => urls.push(request.url()));
  return {
    matching: (pattern: RegExp) => urls.filter((url) => pattern.test(url)),
  };
}

test('before any intent: only the entry and the icons load, not the flow, the texts or the reporter', async ({
  page,
}) => {
  const requests = requestsOf(page);
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/privacy.html');
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  await iconsShown(page);
  await page.waitForLoadState('networkidle');
  expect(requests.matching(flowChunk)).toEqual([]);
  expect(requests.matching(localeChunk)).toEqual([]);
  expect(requests.matching(reporterChunk)).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
});

test('the pointer over a button loads the flow chunk and the notice texts, still not the reporter', async ({
  page,
}) => {
  const requests = requestsOf(page);
  await page.goto('/e2e/fixtures/widget/privacy.html');
  await iconsShown(page);
  const texts = page.waitForRequest(localeChunk);
  await page.getByRole('button', { name: /WhatsApp/ }).hover();
  await texts;
  expect(requests.matching(flowChunk)).toHaveLength(1);
  await page.waitForLoadState('networkidle');
  expect(requests.matching(reporterChunk)).toEqual([]);
  // The tap needs nothing more of the flow: the notice opens, the reporter loads now.
  await page.getByRole('button', { name: /WhatsApp/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(requests.matching(flowChunk)).toHaveLength(1);
  await expect.poll(() => requests.matching(reporterChunk).length).toBe(1);
});

test('keyboard focus on a button loads the flow chunk', async ({ page }) => {
  const requests = requestsOf(page);
  await page.goto('/e2e/fixtures/widget/inline.html');
  await iconsShown(page);
  await page.waitForLoadState('networkidle');
  expect(requests.matching(flowChunk)).toEqual([]);
  const loaded = page.waitForRequest(flowChunk);
  // The page has no focusable element before the widget: the first Tab reaches its first button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeFocused();
  await loaded;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('a tap before the flow chunk arrived waits for it, the button busy meanwhile, and opens the notice', async ({
  page,
}) => {
  const log = await recordPage(page);
  // The flow chunk is held back until the test lets it through.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(flowChunk, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/e2e/fixtures/widget/inline.html');
  const whatsapp = page.locator('[part~="channel-whatsapp"]');
  await iconsShown(page);
  await whatsapp.click();
  // After ~300 ms without the chunk the button says it is busy; nothing opened, nothing reported.
  await expect(whatsapp).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  release();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(whatsapp).not.toHaveAttribute('aria-busy');
  expect((await log.events()).map((event) => event.type)).toEqual(['optin-notice-open']);
  expect(log.consoleErrors).toEqual([]);
  expect(log.pageErrors).toEqual([]);
});

test('a flow chunk that cannot load: the tap reports flow-failed, nothing is thrown, the next tap works', async ({
  page,
}) => {
  const bucket = bucketName('load-on-intent-failed');
  const log = await recordPage(page);
  await page.route(flowChunk, (route) => route.abort('connectionreset'));
  await page.goto('/e2e/fixtures/widget/inline.html');
  await useEndpoint(page, bucket);
  const whatsapp = page.locator('[part~="channel-whatsapp"]');
  // The widget's own console errors (the browser adds one for the failed request).
  const widgetErrors = () => log.consoleErrors.filter((text) => text.startsWith('<messenger-optin>'));
  await iconsShown(page);
  await whatsapp.click();
  await expect
    .poll(async () => (await log.events()).filter((event) => event.type === 'optin-error'))
    .toHaveLength(1);
  const [error] = (await log.events()).filter((event) => event.type === 'optin-error');
  expect(error?.detail).toMatchObject({ code: 'flow-failed' });
  expect(String(error?.detail['message'])).toMatch(/whatsapp link could not be opened/);
  expect(widgetErrors()).toHaveLength(1);
  expect(log.pageErrors).toEqual([]);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The buttons stay; the network is back, and the next tap loads the chunk and opens the notice.
  await expect(whatsapp).toBeVisible();
  await expect(whatsapp).not.toHaveAttribute('aria-busy');
  await page.unroute(flowChunk);
  await whatsapp.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await storedEvents(page, bucket, ['notice_shown']);
  expect(widgetErrors()).toHaveLength(1);
  expect(log.pageErrors).toEqual([]);
});

test('a config error only the full validation finds is reported on the first intent, not before', async ({
  page,
}) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/empty.html');
  await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined);
  await page.evaluate(() => {
    const element = document.createElement('messenger-optin');
    element.setAttribute('company', 'Firma');
    element.setAttribute('purpose', 'News');
    element.setAttribute('privacy-policy', 'https://firma.example/privacy');
    // The pre-check passes it (a known channel with a phone); the number has no country code.
    element.setAttribute('channels', '[{"type":"whatsapp","phone":"0170 123456"}]');
    document.getElementById('host')?.append(element);
  });
  const whatsapp = page.getByRole('button', { name: /WhatsApp/ });
  await expect(whatsapp).toBeVisible();
  await iconsShown(page);
  await page.waitForLoadState('networkidle');
  expect(log.consoleErrors).toEqual([]);
  await whatsapp.hover();
  await expect.poll(() => log.consoleErrors.length).toBe(1);
  expect(log.consoleErrors[0]).toMatch(/country code/);
  await expect(page.locator('messenger-optin').getByRole('button')).toHaveCount(0);
  expect(log.pageErrors).toEqual([]);
});
