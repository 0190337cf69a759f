import { test, type Page } from '@playwright/test';
import { afterNextFrames, expect, flowArrived } from './support.js';

// The built widget inside a host page component with a closed shadow root (closed-root.js). From
// the document, a press in there shows only the component, never the widget, and a scroll in there
// never reaches window: light dismiss and the popover's following must still work.

test.describe.configure({ timeout: 90_000 });

type Box = 'inline' | 'floating';

/** Runs `find` on the widget's shadow root inside the closed box; returns the centre of its result. */
function centre(page: Page, box: Box, selector: string) {
  return page.evaluate(
    ([index, css]) => {
      const roots = (window as unknown as { closedRoots: ShadowRoot[] }).closedRoots;
      const root = roots[index];
      const target =
        css === '.own'
          ? root?.querySelector(css)
          : root?.querySelector('messenger-optin')?.shadowRoot?.querySelector(css);
      const rect = target?.getBoundingClientRect();
      return rect && rect.width > 0 ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    },
    [box === 'inline' ? 0 : 1, selector] as const,
  );
}

async function click(page: Page, box: Box, selector: string) {
  await expect.poll(() => centre(page, box, selector)).not.toBeNull();
  const point = await centre(page, box, selector);
  if (point) await page.mouse.click(point.x, point.y);
}

/** Whether the floating panel is open (its launcher says so) in the floating box. */
function panelOpen(page: Page) {
  return page.evaluate(() => {
    const root = (window as unknown as { closedRoots: ShadowRoot[] }).closedRoots[1];
    const widget = root?.querySelector('messenger-optin')?.shadowRoot;
    return widget?.querySelector('[part="launcher"]')?.getAttribute('aria-expanded');
  });
}

/** The inline widget's notice dialog and channel button, in viewport coordinates. */
function noticeRects(page: Page) {
  return page.evaluate(() => {
    const root = (window as unknown as { closedRoots: ShadowRoot[] }).closedRoots[0];
    const widget = root?.querySelector('messenger-optin')?.shadowRoot;
    const dialog = widget
      ?.querySelector('messenger-optin-notice')
      ?.shadowRoot?.querySelector('[role="dialog"]');
    const button = widget?.querySelector('[part~="channel-whatsapp"]');
    if (!dialog || !button) return null;
    return {
      dialog: dialog.getBoundingClientRect().toJSON(),
      button: button.getBoundingClientRect().toJSON(),
    } as {
      dialog: DOMRect;
      button: DOMRect;
    };
  });
}

test('floating, inside a closed shadow root: presses in the panel keep it open, presses outside close it', async ({
  page,
}) => {
  await page.goto('/e2e/fixtures/widget/closed-root.html');
  await click(page, 'floating', '[part="launcher"]');
  await expect.poll(() => panelOpen(page)).toBe('true');
  // Light dismiss comes with the flow chunk, which the launcher's pointerdown started loading.
  await flowArrived(page);

  // Inside the widget: the panel's headline.
  await click(page, 'floating', '[part="headline"]');
  await afterNextFrames(page);
  expect(await panelOpen(page)).toBe('true');

  // Inside the same closed root, but not the widget: the component's own paragraph.
  await click(page, 'floating', '.own');
  await expect.poll(() => panelOpen(page)).toBe('false');

  // And on the page itself.
  await click(page, 'floating', '[part="launcher"]');
  await expect.poll(() => panelOpen(page)).toBe('true');
  await page.locator('#after').click();
  await expect.poll(() => panelOpen(page)).toBe('false');
});

test('inline, in a scrolling box inside a closed shadow root: the notice follows its button', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/e2e/fixtures/widget/closed-root.html');
  await click(page, 'inline', '[part~="channel-whatsapp"]');
  const attached = async () => {
    const rects = await noticeRects(page);
    if (!rects) return 'no dialog';
    const gap = rects.dialog.top - rects.button.bottom;
    const dx = rects.dialog.left - rects.button.left;
    return Math.abs(gap - 8) <= 1 && Math.abs(dx) <= 1 ? 'attached' : { gap, dx };
  };
  await expect.poll(attached).toBe('attached');
  const before = await noticeRects(page);

  await page.evaluate(() =>
    (window as unknown as { closedRoots: ShadowRoot[] }).closedRoots[0]
      ?.querySelector('.scroller')
      ?.scrollBy(0, 60),
  );
  await expect.poll(async () => (await noticeRects(page))?.button.top).toBe((before?.button.top ?? 0) - 60);
  await expect.poll(attached).toBe('attached');
  // The press on the dialog's own text does not close it either.
  const text = await noticeRects(page);
  if (text) await page.mouse.click(text.dialog.left + 40, text.dialog.top + 80);
  await afterNextFrames(page);
  expect(await noticeRects(page)).not.toBeNull();
});
