import { test, type Page } from '@playwright/test';
import { expect, expectNoAxeViolations, recordPage } from './support.js';

// What a site owner sees on their own page: the widget on a light, a dark and a beige host, on a
// desktop and a phone, inline and floating, compared with committed screenshots (Chromium; the
// baselines are in looks.spec.ts-snapshots/, `--update-snapshots` rewrites them after an intended
// change). Deterministic: fixed viewport and font, animations off, icons loaded before the shot.
// Each page is also checked by axe (contrast included) on its own background.
test.describe.configure({ timeout: 90_000 });

const hosts = {
  light: { background: '#ffffff', color: '#1b1f24', theme: 'light' },
  dark: { background: '#121417', color: '#e8eaed', theme: 'dark' },
  beige: { background: '#f3ead8', color: '#3b2f20', theme: 'light' },
} as const;
const devices = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

const channels = JSON.stringify([
  { type: 'whatsapp', phone: '+49 170 1234567' },
  { type: 'telegram', username: 'firma_news_bot' },
  { type: 'threema', id: 'FIRMA123' },
  { type: 'signal', phone: '+49 170 1234567' },
]);

async function mountOn(page: Page, host: (typeof hosts)[keyof typeof hosts], layout: 'inline' | 'floating') {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/empty.html');
  await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined);
  await page.evaluate(
    ({ host, layout, channels }) => {
      // CSSOM, which the fixture's style-src 'self' allows; one font installed everywhere.
      Object.assign(document.body.style, {
        background: host.background,
        color: host.color,
        fontFamily: 'DejaVu Sans, sans-serif',
      });
      const section = document.getElementById('host');
      if (!section) throw new Error('no host');
      const text = document.createElement('p');
      text.textContent = 'Neue Röstungen und Angebote, höchstens zweimal im Monat.';
      section.append(text);
      const element = document.createElement('messenger-optin');
      const attributes = {
        company: 'Kaffeerösterei Müller',
        purpose: 'News',
        'privacy-policy': 'https://firma.example/datenschutz',
        lang: 'de',
        theme: host.theme,
        layout,
        channels,
      };
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      section.append(element);
    },
    { host, layout, channels },
  );
  // Icons arrive with the lazy chunk: wait for them so the shot does not catch empty boxes.
  if (layout === 'floating') await page.locator('messenger-optin [part="launcher"]').click();
  await expect
    .poll(() =>
      page
        .locator('messenger-optin [part~="channel-whatsapp"] path')
        .evaluate((path) => path.getAttribute('d') ?? ''),
    )
    .not.toBe('');
  return log;
}

for (const [hostName, host] of Object.entries(hosts))
  for (const [deviceName, viewport] of Object.entries(devices))
    for (const layout of ['inline', 'floating'] as const)
      test(`${hostName} host, ${deviceName}, ${layout}: looks as committed, axe clean`, async ({ page }) => {
        await page.setViewportSize(viewport);
        const log = await mountOn(page, host, layout);
        await expect(page).toHaveScreenshot(`${hostName}-${deviceName}-${layout}.png`, {
          animations: 'disabled',
          maxDiffPixelRatio: 0.01,
        });
        await expectNoAxeViolations(page);
        expect(log.pageErrors).toEqual([]);
      });
