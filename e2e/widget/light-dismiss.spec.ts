import { test, type Page } from '@playwright/test';
import {
  bucketName,
  expect,
  expectNoAxeViolations,
  flowArrived,
  flowChunk,
  globalListeners,
  recordPage,
  storedEvents,
  useEndpoint,
} from './support.js';

// Light dismiss of the floating layout: a press outside the widget closes the open panel
// (and the notice popover, which records a dismissal, never a consent). Focus goes where the
// visitor pointed; the widget does not pull it back.

// Real Chromium on a shared 2-core machine: flows with lazy chunks and a counting endpoint take time.
test.describe.configure({ timeout: 90_000 });

const floating = '/e2e/fixtures/widget/floating.html';

function parts(page: Page) {
  return {
    launcher: page.getByRole('button', { name: 'Newsletter via messenger' }),
    panel: page.locator('[part="panel"]'),
    whatsapp: page.locator('[part="panel"]').getByRole('button', { name: /WhatsApp/ }),
    dialog: page.getByRole('dialog'),
  };
}

/** A search field of the host page, after the widget, and a log of every element that gets focus. */
async function addPageField(page: Page) {
  await page.evaluate(() => {
    const label = document.createElement('label');
    label.append('Search ', Object.assign(document.createElement('input'), { id: 'search', type: 'search' }));
    document.querySelector('main')?.append(label);
    const focused: string[] = [];
    Object.assign(window, { __focused: focused });
    document.addEventListener('focusin', (event) => {
      const target = event.composedPath()[0] as Element;
      focused.push(`${target.localName}${target.id ? `#${target.id}` : ''}.${target.className}`);
    });
  });
}

const focusLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { __focused: string[] }).__focused.splice(0));

test('a click outside closes the panel; clicks in the panel do not, the launcher still toggles', async ({
  page,
}) => {
  const log = await recordPage(page);
  await page.goto(floating);
  const { launcher, panel } = parts(page);
  await launcher.click();
  await expect(panel).toBeVisible();
  // Light dismiss comes with the flow chunk, which the launcher's pointerdown started loading.
  await flowArrived(page);

  await panel.getByText('Newsletter via messenger').click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');

  await page.locator('#after').click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();

  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  expect(log.pageErrors).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
});

test.describe('touch', () => {
  test.use({ hasTouch: true });

  test('a tap outside closes the panel, a tap inside does not', async ({ page }) => {
    await page.goto(floating);
    const { launcher, panel } = parts(page);
    await launcher.tap();
    await expect(panel).toBeVisible();
    await flowArrived(page);
    await panel.getByText('Newsletter via messenger').tap();
    await expect(launcher).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('heading', { name: 'Shop' }).tap();
    await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  });
});

test('focus: a click outside leaves it where the visitor clicked and never moves it to the launcher', async ({
  page,
}) => {
  await page.goto(floating);
  await addPageField(page);
  const { launcher, panel, whatsapp } = parts(page);
  // By keyboard, so that the focus is inside the panel when the visitor clicks away.
  await launcher.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await flowArrived(page);
  await whatsapp.focus();
  await focusLog(page);

  await page.locator('#search').click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#search')).toBeFocused();
  expect(await focusLog(page)).toEqual(['input#search.']);

  // Nothing focusable under the pointer: the focus leaves the hidden panel for the page, and the
  // next Tab starts from where the visitor clicked (here: the launcher follows the paragraph).
  await launcher.click();
  await whatsapp.focus();
  await focusLog(page);
  await page.locator('#before').click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(await focusLog(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await expect(launcher).toBeFocused();
});

test('a click outside the notice popover dismisses it and the panel, and records no consent', async ({
  page,
}) => {
  const log = await recordPage(page);
  const bucket = bucketName('light-dismiss-notice');
  await page.goto(floating);
  await useEndpoint(page, bucket);
  await addPageField(page);
  const { launcher, panel, whatsapp, dialog } = parts(page);
  await launcher.click();
  await whatsapp.click();
  await expect(dialog).toBeVisible();
  // A click in the dialog is inside.
  await dialog
    .getByText(/Shop Ltd/)
    .first()
    .click();
  await expect(dialog).toBeVisible();
  await focusLog(page);

  await page.locator('#search').click();
  await expect(dialog).toBeHidden();
  await expect(panel).toBeHidden();
  await expect(page.locator('#search')).toBeFocused();
  // The channel button was not focused on the way (no jump back to it).
  expect(await focusLog(page)).toEqual(['input#search.']);

  const stored = await storedEvents(page, bucket, ['notice_shown', 'notice_dismissed']);
  expect(stored.map((event) => event.type).sort()).toEqual(['notice_dismissed', 'notice_shown']);
  expect((await log.events()).map((event) => event.type)).toEqual(['optin-notice-open']);
  await expectNoAxeViolations(page);
  expect(log.pageErrors).toEqual([]);
});

test('a click on another channel while a notice is open closes it and opens that channel', async ({
  page,
}) => {
  await page.goto(floating);
  const { launcher, panel, whatsapp, dialog } = parts(page);
  await launcher.click();
  await panel.getByRole('button', { name: /Threema/ }).click();
  await expect(dialog.getByRole('button', { name: /Threema/ })).toBeVisible();
  // The press (down and up) dismisses the Threema notice, the click opens the WhatsApp one.
  await whatsapp.click();
  await expect(dialog.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  await expect(dialog).toHaveCount(1);
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
});

test.describe('phone', () => {
  test.use({ hasTouch: true, viewport: { width: 375, height: 667 } });

  test('a tap on the bottom sheet backdrop closes the notice only, focus back on the channel', async ({
    page,
  }) => {
    const log = await recordPage(page);
    const bucket = bucketName('light-dismiss-sheet');
    await page.goto(floating);
    await useEndpoint(page, bucket);
    const { launcher, whatsapp, dialog } = parts(page);
    await launcher.tap();
    await whatsapp.tap();
    await expect(dialog).toBeVisible();
    await expect(page.locator('[part="backdrop"]')).toBeVisible();
    await page.evaluate(() => {
      const clicks: string[] = [];
      Object.assign(window, { __clicks: clicks });
      document.addEventListener('click', (event) => clicks.push((event.target as Element).localName));
    });
    // The backdrop covers the page: a tap at its top left is on the backdrop, not on the sheet.
    await page.touchscreen.tap(20, 20);
    await expect(dialog).toBeHidden();
    // The tap's click reached the backdrop (in the widget), not the page it covered.
    expect(await page.evaluate(() => (window as unknown as { __clicks: string[] }).__clicks)).toEqual([
      'messenger-optin',
    ]);
    await expect(launcher).toHaveAttribute('aria-expanded', 'true');
    await expect(whatsapp).toBeFocused();
    await storedEvents(page, bucket, ['notice_shown', 'notice_dismissed']);
    expect((await log.events()).map((event) => event.type)).toEqual(['optin-notice-open']);
  });
});

test('listens for pointers only while the panel is open, and not after removal', async ({ page }) => {
  await page.goto(floating);
  const client = await page.context().newCDPSession(page);
  const pointerListeners = async () => {
    const listeners = await globalListeners(client);
    return ['pointerdown', 'pointerup', 'pointercancel'].map((type) => listeners[`document:${type}`] ?? 0);
  };
  const { launcher, panel } = parts(page);
  await expect(launcher).toBeVisible();
  const closed = await pointerListeners();

  await launcher.click();
  await expect(panel).toBeVisible();
  await flowArrived(page);
  expect(await pointerListeners()).toEqual(closed.map((count) => count + 1));
  await page.locator('#after').click();
  await expect(panel).toBeHidden();
  expect(await pointerListeners()).toEqual(closed);

  await launcher.click();
  await expect(panel).toBeVisible();
  await page.locator('messenger-optin').evaluate((element) => element.remove());
  expect(await pointerListeners()).toEqual(closed);
});

test('a press outside that turns into a scroll (pointercancel) or ends inside keeps the panel open', async ({
  page,
}) => {
  await page.goto(floating);
  const { launcher, panel } = parts(page);
  await launcher.click();
  await expect(panel).toBeVisible();
  await flowArrived(page);
  // What a finger that starts scrolling the page sends: pointerdown, then pointercancel when the
  // browser takes the gesture over. And a press outside that is released on the panel.
  await page.evaluate(() => {
    const outside = document.querySelector('#after');
    const widget = document.querySelector('messenger-optin');
    const send = (target: Element | null, type: string) =>
      target?.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'touch' }));
    send(outside, 'pointerdown');
    send(outside, 'pointercancel');
    send(outside, 'pointerup');
    send(outside, 'pointerdown');
    send(widget, 'pointerup');
  });
  await expect(panel).toBeVisible();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  // The same press released outside closes it.
  await page.evaluate(() => {
    const outside = document.querySelector('#after');
    for (const type of ['pointerdown', 'pointerup'])
      outside?.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'touch' }));
  });
  await expect(panel).toBeHidden();
});

test('a press outside before the flow chunk arrived leaves the panel open; Esc and close work at once', async ({
  page,
}) => {
  const log = await recordPage(page);
  // The flow chunk, and with it light dismiss, is held back until the test lets it through.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(flowChunk, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(floating);
  const { launcher, panel } = parts(page);
  await launcher.click();
  await expect(panel).toBeVisible();
  await page.locator('#after').click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  // Esc (with the focus back in the widget) and the close button do not wait for the chunk.
  await launcher.focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await launcher.click();
  await panel.getByRole('button', { name: /close|schließen/i }).click();
  await expect(panel).toBeHidden();
  await expect(launcher).toBeFocused();

  // Once the chunk arrived, the open panel gets its light dismiss.
  await launcher.click();
  release();
  await flowArrived(page);
  await page.locator('#after').click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  expect(log.pageErrors).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
});
