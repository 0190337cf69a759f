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
      // Placed and at rest: the sheet slides in over 120 ms after Floating UI placed it.
      placed:
        dialog.classList.contains('placed') &&
        dialog.getAnimations().every((animation) => animation.playState !== 'running'),
    };
  });
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
    // Floating UI's autoUpdate starts after that frame; the first placement must not wait for it.
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

  test('the popover follows its button when the page scrolls', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openNotice(page);
    await expect.poll(async () => (await rects(page)).placed).toBe(true);
    await page.evaluate(() => window.scrollBy(0, 60));
    await expect
      .poll(async () => {
        const { dialog, anchor } = await rects(page);
        return Math.round(dialog.top - anchor.bottom);
      })
      .toBe(8);
  });

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
        // after which autoUpdate starts, so Floating UI's observers and position promises run while
        // the dialog is open.
        await document.querySelector('messenger-optin-notice')?.updateComplete;
        if (i % 10 === 0) await frame().then(() => new Promise((done) => setTimeout(done, 20)));
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
