import { resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { decodePng } from '../support/decode-png.js';
import type { MountOptions } from '../fixtures/notice/fixture.js';

export { buildNoticeFixture } from './build-fixture.js';

const root = resolve(import.meta.dirname, '../..');

export const fixtureUrl = '/e2e/fixtures/notice/index.html';

/** Opens the fixture page and mounts the dialog; collects page errors and CSP violations. */
export async function openNotice(page: Page, options: MountOptions = {}) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(fixtureUrl);
  await page.waitForFunction(() => 'noticeFixture' in window && customElements.get('messenger-optin-notice'));
  await mount(page, options);
  return problems;
}

export async function mount(page: Page, options: MountOptions = {}) {
  await page.evaluate((opts) => window.noticeFixture.mount(opts), options);
  await expect(page.getByRole('dialog')).toBeVisible();
}

export function events(page: Page) {
  return page.evaluate(() => window.noticeEvents);
}

/** The element that has focus, through shadow roots: its tag, id, part and text. */
export function focused(page: Page) {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element
      ? {
          tag: element.tagName.toLowerCase(),
          id: element.id,
          part: element.getAttribute('part') ?? '',
          text: (element.textContent ?? '').trim(),
        }
      : null;
  });
}

/** Runs axe-core on the dialog only (page-level rules belong to the host page). */
export async function axe(page: Page) {
  await page.addScriptTag({ path: resolve(root, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary: string }> }>;
          }>;
        };
      }
    ).axe.run({ include: [['messenger-optin-notice']] }, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      nodes: violation.nodes.map((node) => ({ target: node.target, summary: node.failureSummary })),
    }));
  });
}

/**
 * Reads a QR code off the screen as a phone would: a screenshot of the element as Chromium painted
 * it (colours, quiet zone, scaling included), decoded by a real QR decoder.
 */
export async function scanQr(qr: Locator): Promise<string | undefined> {
  const { width, height, data } = decodePng(await qr.screenshot({ animations: 'disabled' }));
  return jsQR(data, width, height)?.data;
}
