import { expect, test, type Page } from '@playwright/test';
import { buildNoticeFixture, mount, openNotice } from './notice-page.js';

test.beforeAll(buildNoticeFixture);

function rects(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('messenger-optin-notice');
    const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
    const anchor = document.querySelector('#anchor');
    if (!dialog || !anchor) throw new Error('dialog or anchor missing');
    const plain = (rect: DOMRect) => ({
      top: rect.top,
      left: rect.left,
      bottom: rect.bottom,
      right: rect.right,
      width: rect.width,
    });
    return {
      dialog: plain(dialog.getBoundingClientRect()),
      anchor: plain(anchor.getBoundingClientRect()),
      viewport: { width: innerWidth, height: innerHeight },
      // The layout viewport without the scrollbar: the popover keeps 8 px inside it.
      clientWidth: document.documentElement.clientWidth,
      // Placed and at rest: the sheet slides in over 120 ms after it was placed.
      placed:
        dialog.classList.contains('placed') &&
        dialog.getAnimations().every((animation) => animation.playState !== 'running'),
    };
  });
}

/**
 * Waits until the popover is placed 8 px below (or above) its button with their left edges in line,
 * each within 1 px (left/top are whole pixels); polled, as moves are followed a frame later.
 */
async function expectAttached(page: Page, side: 'below' | 'above' = 'below') {
  await expect
    .poll(async () => {
      const { dialog, anchor, placed } = await rects(page);
      const gap = side === 'below' ? dialog.top - anchor.bottom : anchor.top - dialog.bottom;
      const dx = dialog.left - anchor.left;
      return placed && Math.abs(gap - 8) <= 1 && Math.abs(dx) <= 1 ? 'attached' : { placed, gap, dx };
    })
    .toBe('attached');
}

/** Whether the dialog's body hides part of its content (it scrolls). */
function bodyScrolls(page: Page) {
  return page.evaluate(() => {
    const body = document.querySelector('messenger-optin-notice')?.shadowRoot?.querySelector('.body');
    if (!body) throw new Error('dialog body missing');
    return body.scrollHeight > body.clientHeight + 1;
  });
}

/** Whether the topmost element at the viewport point (x, y) is inside the notice's dialog. */
function hitsDialog(page: Page, x: number, y: number) {
  return page.evaluate(
    ([px, py]) => {
      const host = document.querySelector('messenger-optin-notice');
      const hit = host?.shadowRoot?.elementFromPoint(px, py);
      return !!hit?.closest('[role="dialog"]');
    },
    [x, y],
  );
}

/** Scrolls the window so that the button's top edge is `top` px below the viewport's top. */
function scrollAnchorTo(page: Page, top: number) {
  return page.evaluate((y) => {
    const anchor = document.querySelector('#anchor');
    if (!anchor) throw new Error('anchor missing');
    window.scrollBy(0, anchor.getBoundingClientRect().top - y);
  }, top);
}

test.describe('notice dialog: layout', () => {
  test('1280 px: a popover right below the channel button', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page);
    await expect.poll(async () => (await rects(page)).placed).toBe(true);
    const { dialog, anchor } = await rects(page);
    expect(Math.abs(dialog.top - (anchor.bottom + 8))).toBeLessThanOrEqual(1);
    expect(Math.abs(dialog.left - anchor.left)).toBeLessThanOrEqual(1);
    expect(dialog.width).toBeLessThanOrEqual(400);
    await expect(page.locator('messenger-optin-notice').locator('.backdrop')).toHaveCount(0);
  });

  test('1280 px: the popover is in place in the first frame it is painted in (no jump)', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page);
    await page.evaluate(() => window.noticeFixture.remove());
    // autoUpdate starts after that frame; the first placement must not wait for it.
    const first = await page.evaluate(async () => {
      window.noticeFixture.mount({ lang: 'en' });
      // requestAnimationFrame runs right before the frame's style, layout and paint.
      await new Promise((done) => requestAnimationFrame(done));
      const dialog = document
        .querySelector('messenger-optin-notice')
        ?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      const anchor = document.querySelector('#anchor');
      if (!dialog || !anchor) throw new Error('dialog or anchor missing');
      return {
        placed: dialog.classList.contains('placed'),
        top: dialog.getBoundingClientRect().top,
        left: dialog.getBoundingClientRect().left,
        anchor: { bottom: anchor.getBoundingClientRect().bottom, left: anchor.getBoundingClientRect().left },
      };
    });
    expect(first.placed).toBe(true);
    expect(Math.abs(first.top - (first.anchor.bottom + 8))).toBeLessThanOrEqual(1);
    expect(Math.abs(first.left - first.anchor.left)).toBeLessThanOrEqual(1);
  });

  test('the popover follows its button when the window scrolls or resizes', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page, { frame: 'centered' });
    await expectAttached(page);
    await page.evaluate(() => window.scrollBy(0, 60));
    await expectAttached(page);
    // The button is centred: a narrower window moves it left, and the popover with it.
    const before = (await rects(page)).anchor.left;
    await page.setViewportSize({ width: 900, height: 700 });
    await expect.poll(async () => (await rects(page)).anchor.left).toBeLessThan(before - 100);
    await expectAttached(page);
  });

  test('the popover follows its button when content inserted above pushes it down, with no scroll or resize', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page);
    await expectAttached(page);
    const before = (await rects(page)).anchor.top;
    // A banner arriving late (cookie notice, lazy image): the page does not scroll, the window keeps
    // its size and neither box changes size; only the button's position changes.
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.style.height = '120px';
      document.querySelector('#anchor')?.before(banner);
    });
    await expect.poll(async () => (await rects(page)).anchor.top).toBeGreaterThan(before + 100);
    await expectAttached(page);
    // It keeps following: a second move is caught by the re-armed observer.
    await page.evaluate(() => document.querySelector('#anchor')?.previousElementSibling?.remove());
    await expect.poll(async () => (await rects(page)).anchor.top).toBeLessThan(before + 1);
    await expectAttached(page);
  });

  test('near the bottom of the viewport it opens above the button, and goes below when scrolled up', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page, { frame: 'low' });
    await page.evaluate(() => window.noticeFixture.remove());
    await scrollAnchorTo(page, 800 - 80);
    await mount(page, { frame: 'low' });
    await expectAttached(page, 'above');
    expect((await rects(page)).dialog.top).toBeGreaterThanOrEqual(8);
    // The window scrolls the button up to the top: there is room below again.
    await scrollAnchorTo(page, 100);
    await expectAttached(page, 'below');
    await scrollAnchorTo(page, 800 - 80);
    await expectAttached(page, 'above');
  });

  test('a button in mid-page with room for less than three quarters of the notice on either side: it covers the button and shows all of it', async ({
    page,
  }) => {
    // Measured first with room to spare: the height the whole notice needs.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await openNotice(page, { frame: 'low', lang: 'de' });
    await scrollAnchorTo(page, 100);
    await expectAttached(page);
    const needed = (await rects(page)).dialog.bottom - (await rects(page)).dialog.top;
    expect(await bodyScrolls(page)).toBe(false);
    // A viewport 100 px taller than the notice with the button in its middle: each side holds
    // about half of it. Beside the button, the text would scroll through that half.
    const height = Math.round(needed) + 100;
    await page.setViewportSize({ width: 1280, height });
    await scrollAnchorTo(page, height / 2 - 20);
    await expect
      .poll(async () => {
        const { dialog, anchor, placed } = await rects(page);
        const covers = dialog.top < anchor.bottom && dialog.bottom > anchor.top;
        const inside = dialog.top >= 7 && dialog.bottom <= height - 7;
        return placed && covers && inside && !(await bodyScrolls(page))
          ? 'all of it, over the button'
          : { dialog, anchor };
      })
      .toBe('all of it, over the button');
  });

  // Each makes the box around the button and the widget the containing block of fixed elements:
  // the dialog's left/top then count from that box (offset from the page origin), not the viewport.
  for (const frame of [
    'transform',
    'filter',
    'perspective',
    'contain-paint',
    'contain-layout',
    'will-change',
    'backdrop-filter',
  ]) {
    test(`inside an ancestor with ${frame}: the popover is right below the button, also after scrolling`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openNotice(page, { frame });
      await expectAttached(page);
      await page.evaluate(() => window.scrollBy(0, 60));
      await expectAttached(page);
    });
  }

  test('inside a transformed ancestor at the right edge: aligned to the button’s right edge instead', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page, { frame: 'transform right' });
    await expect.poll(async () => (await rects(page)).placed).toBe(true);
    const { dialog, anchor } = await rects(page);
    // flip's fallback to bottom-end: the left edges in line would cross the viewport's right edge.
    expect(Math.abs(dialog.right - anchor.right)).toBeLessThanOrEqual(1);
    expect(Math.abs(dialog.top - (anchor.bottom + 8))).toBeLessThanOrEqual(1);
  });

  test('inside a transformed ancestor, 500 px wide: shifted to stay 8 px inside the viewport', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 500, height: 800 });
    await openNotice(page, { frame: 'transform centered' });
    await expect.poll(async () => (await rects(page)).placed).toBe(true);
    const { dialog, anchor, clientWidth } = await rects(page);
    // Neither alignment fits a 400 px popover: it starts at the button and moves left just enough.
    expect(Math.abs(dialog.right - (clientWidth - 8))).toBeLessThanOrEqual(1);
    expect(dialog.left).toBeLessThan(anchor.left);
    expect(Math.abs(dialog.top - (anchor.bottom + 8))).toBeLessThanOrEqual(1);
  });

  // A scrolling container fires no scroll event on the window: the capturing listener catches it.
  // Transformed as well, the container is the dialog's containing block and scrolls it along.
  for (const frame of ['scroller', 'scroller transform']) {
    test(`the popover follows its button when a container (${frame}) scrolls`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openNotice(page, { frame });
      await expectAttached(page);
      const before = await rects(page);
      await page.evaluate(() => document.querySelector('#frame')?.scrollBy(0, 60));
      await expect.poll(async () => (await rects(page)).anchor.top).toBe(before.anchor.top - 60);
      await expectAttached(page);
      expect(Math.abs((await rects(page)).dialog.top - (before.dialog.top - 60))).toBeLessThanOrEqual(1);
    });
  }

  test('375 px: a bottom sheet across the full width', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await openNotice(page, { lang: 'de' });
    await expect.poll(async () => (await rects(page)).placed).toBe(true);
    const { dialog, viewport } = await rects(page);
    expect(dialog.left).toBe(0);
    expect(dialog.width).toBe(viewport.width);
    expect(Math.abs(dialog.bottom - viewport.height)).toBeLessThanOrEqual(1);
    expect(dialog.top).toBeGreaterThan(0);
  });

  test('375 px: the first layer and the confirm button show without scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await openNotice(page, { lang: 'de', requireCheckbox: true });
    // Measured at rest: the sheet slides 16 px up after it is placed, and mid-way the confirm
    // button is still below the viewport's edge.
    await expect.poll(async () => (await rects(page)).placed).toBe(true);
    const visible = await page.evaluate(() => {
      const root = document.querySelector('messenger-optin-notice')?.shadowRoot;
      const body = root?.querySelector('.body');
      const paragraphs = [...(body?.querySelectorAll(':scope > p') ?? [])];
      const last = paragraphs[paragraphs.length - 1];
      const confirm = root?.querySelector('[part="confirm"]');
      if (!body || !last || !confirm) throw new Error('missing');
      return {
        lastFirstLayer: last.getBoundingClientRect().bottom,
        bodyBottom: body.getBoundingClientRect().bottom,
        confirmBottom: confirm.getBoundingClientRect().bottom,
        viewport: innerHeight,
        bodyScrollTop: body.scrollTop,
      };
    });
    expect(visible.bodyScrollTop).toBe(0);
    expect(visible.lastFirstLayer).toBeLessThanOrEqual(visible.bodyBottom);
    expect(visible.confirmBottom).toBeLessThanOrEqual(visible.viewport);
  });

  // In the top layer (top-layer.ts) the sheet and its backdrop count from the viewport, whatever
  // box the page wraps the widget in; before, a transformed box became their containing block.
  test('375 px inside a transformed, clipping ancestor: the sheet and backdrop still cover the viewport', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await openNotice(page, { lang: 'de', frame: 'transform clip' });
    await expect
      .poll(async () => {
        const { dialog, viewport, placed } = await rects(page);
        return placed && Math.abs(dialog.bottom - viewport.height) <= 1 ? 'on the bottom edge' : dialog;
      })
      .toBe('on the bottom edge');
    const { dialog, viewport } = await rects(page);
    expect(dialog.left).toBe(0);
    expect(dialog.width).toBe(viewport.width);
    const backdrop = await page
      .locator('messenger-optin-notice')
      .locator('.backdrop')
      .evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    expect(backdrop).toMatchObject({ left: 0, top: 0, width: viewport.width, height: viewport.height });
    // Nothing of it is clipped by the box: the middle of the sheet is the sheet's own.
    expect(await hitsDialog(page, dialog.left + dialog.width / 2, dialog.top + 20)).toBe(true);
  });

  test('the dialog is above a page element with the highest z-index', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page, { frame: 'transform' });
    await expectAttached(page);
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgb(0 0 0 / 0.1)';
      document.body.append(cover);
    });
    const { dialog } = await rects(page);
    expect(await hitsDialog(page, dialog.left + 20, dialog.top + 20)).toBe(true);
  });

  test('no anchor: a bottom sheet on a wide screen too', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page, { anchor: false });
    await expect.poll(async () => (await rects(page)).placed).toBe(true);
    // The sheet slides in (a 120 ms transform transition): poll until it rests on the bottom edge.
    await expect
      .poll(async () => {
        const { dialog, viewport } = await rects(page);
        return Math.abs(dialog.bottom - viewport.height);
      })
      .toBeLessThanOrEqual(1);
    const { dialog, viewport } = await rects(page);
    expect(dialog.width).toBe(viewport.width);
  });

  test('narrowing the window below 480 px turns the open popover into a sheet, and back', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page);
    await expect.poll(async () => (await rects(page)).dialog.width).toBeLessThanOrEqual(400);
    await page.setViewportSize({ width: 400, height: 800 });
    // Polled together: the popover at 1280 px may already be 400 px wide.
    await expect
      .poll(async () => {
        const { dialog } = await rects(page);
        return { width: dialog.width, left: dialog.left };
      })
      .toEqual({ width: 400, left: 0 });
    await page.setViewportSize({ width: 1000, height: 800 });
    await expect
      .poll(async () => {
        const { dialog, anchor } = await rects(page);
        return Math.round(dialog.top - anchor.bottom);
      })
      .toBe(8);
  });

  test('widened while the sheet still slides in: the popover lands next to its button', async ({ page }) => {
    // DevTools slows every animation 100×, so the sheet's 120 ms slide-in still runs when the window
    // widens: the dialog's rect then includes that transform, which is not part of left/top.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Animation.enable');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 0.01 });
    await page.setViewportSize({ width: 400, height: 800 });
    await openNotice(page);
    const sliding = () =>
      page.evaluate(() =>
        document
          .querySelector('messenger-optin-notice')
          ?.shadowRoot?.querySelector('[role="dialog"]')
          ?.getAnimations()
          .some((animation) => animation.playState === 'running'),
      );
    await expect.poll(sliding).toBe(true);
    // Past the first paint, so the resize listener is on: the notice starts it in a task queued from
    // its first frame callback (position.ts); a frame callback registered now runs after that one,
    // and a task queued from it after that task.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    await page.setViewportSize({ width: 1000, height: 800 });
    await expect.poll(async () => (await rects(page)).dialog.width).toBeLessThanOrEqual(400);
    expect(await sliding()).toBe(true);
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 1 });
    await expectAttached(page);
  });

  test('opening, closing and removing 200 times leaves no listener or observer behind', async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript(() => {
      // Count observers that are still observing: autoUpdate uses ResizeObserver and IntersectionObserver.
      const live = { resize: 0, intersection: 0 };
      (window as unknown as { liveObservers: typeof live }).liveObservers = live;
      const track = <T extends typeof ResizeObserver | typeof IntersectionObserver>(
        Base: T,
        key: keyof typeof live,
      ) =>
        class extends (Base as typeof ResizeObserver) {
          #targets = new Set<Element>();
          override observe(target: Element, options?: ResizeObserverOptions) {
            if (!this.#targets.has(target)) live[key] += 1;
            this.#targets.add(target);
            super.observe(target, options);
          }
          override unobserve(target: Element) {
            if (this.#targets.delete(target)) live[key] -= 1;
            super.unobserve(target);
          }
          override disconnect() {
            live[key] -= this.#targets.size;
            this.#targets.clear();
            super.disconnect();
          }
        } as unknown as T;
      window.ResizeObserver = track(ResizeObserver, 'resize');
      window.IntersectionObserver = track(IntersectionObserver, 'intersection');
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page);
    await page.evaluate(() => window.noticeFixture.remove());

    const cdp = await page.context().newCDPSession(page);
    const listenerCount = async (expression: string) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId ?? '',
      });
      return listeners.length;
    };
    const counts = async () => ({
      window: await listenerCount('window'),
      document: await listenerCount('document'),
      visualViewport: await listenerCount('window.visualViewport'),
      anchor: await listenerCount('document.querySelector("#anchor")'),
      observers: await page.evaluate(() => (window as unknown as { liveObservers: object }).liveObservers),
    });
    const before = await counts();
    expect(before.observers).toEqual({ resize: 0, intersection: 0 });

    const peak = await page.evaluate(async () => {
      const live = (window as unknown as { liveObservers: { resize: number; intersection: number } })
        .liveObservers;
      let most = 0;
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      for (let i = 0; i < 200; i++) {
        window.noticeFixture.mount({ lang: 'en', keep: i % 3 === 1 });
        // After the update the dialog is placed; every tenth round also lets its first frame paint,
        // after which autoUpdate starts (in a task queued from that frame, which runs before ours), so Floating UI's observers and position promises run while
        // the dialog is open.
        await document.querySelector('messenger-optin-notice')?.updateComplete;
        if (i % 10 === 0) await frame().then(() => new Promise((done) => setTimeout(done)));
        most = Math.max(most, live.resize + live.intersection);
        if (i % 3 === 0) window.noticeFixture.remove();
        // Esc and outside clicks go through the dialog's own close path (autoUpdate cleanup on close).
        else if (i % 3 === 1)
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        else
          for (const type of ['pointerdown', 'pointerup'])
            document
              .querySelector('h1')
              ?.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true }));
      }
      window.noticeFixture.remove();
      return most;
    });
    // While open, autoUpdate observed the button and the dialog: the counting works.
    expect(peak).toBeGreaterThanOrEqual(2);
    const after = await counts();
    expect(after).toEqual(before);
    await mount(page);
  });
});
