import { expect, test, type Page } from '@playwright/test';
import { axe, buildNoticeFixture, mount, openNotice } from './notice-page.js';

test.beforeAll(buildNoticeFixture);

async function dialogStyle(page: Page, selector: string, property: string) {
  return page.evaluate(
    ([sel, prop]) => {
      const element = document.querySelector('messenger-optin-notice')?.shadowRoot?.querySelector(sel ?? '');
      if (!element) throw new Error(`${sel} missing`);
      return getComputedStyle(element).getPropertyValue(prop ?? '');
    },
    [selector, property],
  );
}

test.describe('notice dialog: axe-core finds no violations', () => {
  // axe is injected as an inline script, which the fixture's CSP forbids; the CSP test is below.
  test.use({ bypassCSP: true });
  // Two full axe runs on a shared 2-core machine can pass the default 30 s.
  test.describe.configure({ timeout: 90_000 });

  test('notice, light and dark', async ({ page }) => {
    await openNotice(page, { lang: 'de', requireCheckbox: true });
    expect(await axe(page)).toEqual([]);
    await mount(page, { lang: 'en', theme: 'dark' });
    expect(await dialogStyle(page, '.dialog', 'background-color')).toBe('rgb(30, 34, 39)');
    expect(await axe(page)).toEqual([]);
  });

  test('theme auto follows a dark operating system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openNotice(page, { lang: 'en', theme: 'auto' });
    expect(await dialogStyle(page, '.dialog', 'background-color')).toBe('rgb(30, 34, 39)');
    expect(await axe(page)).toEqual([]);
  });

  test('details open', async ({ page }) => {
    await openNotice(page, { lang: 'de' });
    await page.getByRole('button', { name: 'Details' }).click();
    await expect(page.getByRole('heading', { name: 'Rechtsgrundlage' })).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  test('QR code on desktop, light and dark', async ({ page }) => {
    await openNotice(page, { lang: 'en', desktop: true, phase: 'link' });
    await expect(page.getByRole('img')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await mount(page, { lang: 'en', desktop: true, phase: 'link', theme: 'dark' });
    await expect(page.getByRole('img')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  test('copy box after copying', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openNotice(page, { lang: 'de', channel: 'signal', phase: 'link' });
    await page.getByRole('button', { name: 'Nachricht kopieren' }).click();
    await expect(page.getByRole('status')).toHaveText('Kopiert');
    expect(await axe(page)).toEqual([]);
  });
});

test.describe('notice dialog: hostile environments and user preferences', () => {
  test('runs under script-src/style-src self with Trusted Types required, through every state', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { violations: string[] }).violations.push(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    const problems = await openNotice(page, { lang: 'en', channel: 'signal', desktop: true });
    await page.getByRole('button', { name: 'Details' }).click();
    await page.evaluate(() => window.noticeFixture.setPhase('link'));
    await expect(page.getByRole('img', { name: 'QR code to open Signal on your phone' })).toBeVisible();
    await page.getByRole('button', { name: 'Copy message' }).click();
    await expect(page.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(problems).toEqual([]);
    // Last (it reports a violation itself): the policy is really enforced, a plain innerHTML write throws.
    expect(
      await page.evaluate(() => {
        try {
          document.createElement('div').innerHTML = '<b>x</b>';
          return 'allowed';
        } catch (error) {
          return (error as Error).name;
        }
      }),
    ).toBe('TypeError');
  });

  test('forced colours: a visible border and system colours', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openNotice(page, { lang: 'en' });
    expect(await dialogStyle(page, '.dialog', 'border-top-width')).toBe('2px');
    expect(await dialogStyle(page, '.dialog', 'border-top-style')).toBe('solid');
    await page.keyboard.press('Tab');
    expect(await dialogStyle(page, 'button.close', 'outline-style')).toBe('solid');
  });

  test('reduced motion: no transitions', async ({ page }) => {
    await openNotice(page, { lang: 'en' });
    expect(await dialogStyle(page, '.dialog', 'transition-duration')).not.toBe('0s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await dialogStyle(page, '.dialog', 'transition-duration')).toBe('0s');
  });

  test('a page themes the dialog with --optin-* set on an ancestor', async ({ page }) => {
    await openNotice(page, { lang: 'en' });
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('#host')?.style.setProperty('--optin-accent', 'rgb(120, 20, 60)');
    });
    expect(await dialogStyle(page, '[part="confirm"]', 'background-color')).toBe('rgb(120, 20, 60)');
  });

  test('touch targets are at least 44 × 44 px', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await openNotice(page, { lang: 'de', requireCheckbox: true });
    const measure = () =>
      page.evaluate(() => {
        const root = document.querySelector('messenger-optin-notice')?.shadowRoot;
        return [...(root?.querySelectorAll('button, [part="checkbox"]') ?? [])].map((element) => {
          const rect = element.getBoundingClientRect();
          return {
            name: element.textContent?.trim() || element.getAttribute('aria-label'),
            width: rect.width,
            height: rect.height,
          };
        });
      });
    // Right after opening, the sheet may not be laid out at its final size yet (it is positioned a
    // frame later). Wait until every target has reached the minimum; if one never does, the checks
    // below name it.
    await expect
      .poll(async () => {
        const measured = await measure();
        return measured.length >= 5 && measured.every((size) => size.width >= 44 && size.height >= 44);
      })
      .toBe(true)
      .catch(() => undefined);
    const sizes = await measure();
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    for (const size of sizes) {
      expect.soft(size.width, `${size.name} width`).toBeGreaterThanOrEqual(44);
      expect.soft(size.height, `${size.name} height`).toBeGreaterThanOrEqual(44);
    }
  });
});
