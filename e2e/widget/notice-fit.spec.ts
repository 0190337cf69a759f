import { test } from '@playwright/test';
import { noticeLocales } from '../../packages/sdk/src/notices/locales.js';
import { expect, recordPage } from './support.js';

// The length rule (docs/notices.md, "First layer"): on a 390×844 phone at the default font size,
// every first layer is fully visible above the confirm button, without scrolling, in every locale,
// on every channel, with the checkbox and the longest test config.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const provider = {
  name: 'Versand Dienst GmbH',
  country: 'DE',
  transfer: 'Keine Übermittlung in Drittländer.',
};
const channels = [
  { type: 'whatsapp', phone: '+49 170 1234567' },
  { type: 'telegram', username: 'firma_news_bot' },
  { type: 'messenger', page: 'firma.news' },
  { type: 'instagram', username: 'firma' },
  { type: 'viber', uri: 'firma' },
  { type: 'threema', id: '*FIRMA01' },
  { type: 'signal', phone: '+49 170 7654321' },
  { type: 'sms', phone: '+49 170 1234567', provider },
  { type: 'line', id: '@firma' },
  { type: 'email', address: 'news@firma.example', provider },
];
/** Bots get the code in a 64-character payload: a 40-character company leaves no room for the purpose there. */
const payloadChannels = new Set(['telegram', 'messenger', 'instagram', 'viber']);

const longest = {
  company: 'Bürobedarf Müller Handelsgesellschaft KG',
  purpose: 'Angebote und Rabatte',
  frequency: 'etwa einmal pro Woche',
  advertising: 'Fahrräder, E-Bikes und Zubehör',
  processors: [
    { preset: 'whatsapp-cloud-api' },
    { name: 'Hoster GmbH', role: 'Hosting', country: 'DE' },
    { name: 'CRM Inc.', role: 'Kundenverwaltung', country: 'US', transfer: 'EU-US Data Privacy Framework' },
  ],
};

for (const lang of noticeLocales)
  for (const channel of channels)
    test(`${channel.type}.${lang}: the first layer fits above the confirm button on 390×844`, async ({
      page,
    }) => {
      expect(longest.company).toHaveLength(40);
      expect(longest.purpose).toHaveLength(20);
      const log = await recordPage(page);
      await page.goto('/e2e/fixtures/widget/phone.html');
      await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined);
      await page.evaluate(
        ({ config, lang, keyword }) => {
          const element = document.createElement('messenger-optin');
          element.setAttribute('lang', lang);
          element.setAttribute('require-checkbox', '');
          element.setAttribute('privacy-policy', 'https://firma.example/datenschutz');
          element.setAttribute('privacy-policy-version', '1. März 2026');
          if (keyword) element.setAttribute('keyword', keyword);
          element.setAttribute('company', config.company);
          element.setAttribute('purpose', config.purpose);
          element.setAttribute('frequency', config.frequency);
          element.setAttribute('advertising', config.advertising);
          element.setAttribute('processors', JSON.stringify(config.processors));
          element.setAttribute('channels', JSON.stringify(config.channels));
          document.getElementById('host')?.append(element);
        },
        {
          config: { ...longest, channels: [channel] },
          lang,
          keyword: payloadChannels.has(channel.type) ? 'Start' : '',
        },
      );
      await page.locator('messenger-optin').getByRole('button').first().click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      const confirm = dialog.locator('[part="confirm"]');
      await expect(confirm).toBeVisible();
      await expect(dialog).toHaveClass(/placed/);
      // Measured once the dialog has settled in place (its position is set after the first frame,
      // then it slides in).
      await expect
        .poll(async () =>
          dialog.evaluate((element) => {
            const root = element.getRootNode() as ShadowRoot;
            const body = root.querySelector('[part="body"]') as HTMLElement;
            const button = root.querySelector('[part="confirm"]') as HTMLElement;
            // The first layer: every paragraph of the body before the Details disclosure.
            const blocks = [...body.children].filter((child) => child.tagName === 'P');
            const last = blocks.at(-1)!.getBoundingClientRect();
            const confirmBox = button.getBoundingClientRect();
            return {
              placed: root.querySelector('.dialog')?.classList.contains('placed') ?? false,
              // The sheet slides 16 px up into place (120 ms): measured mid-way, the button is
              // still that much lower.
              moving: root.querySelector('.dialog')?.getAnimations().length !== 0,
              firstLayerEnd: Math.round(last.bottom),
              confirmTop: Math.round(confirmBox.top),
              confirmBottom: Math.round(confirmBox.bottom),
              bodyScrolled: body.scrollTop,
              bodyClips: last.bottom > body.getBoundingClientRect().bottom + 0.5,
              pageScrolled: window.scrollY,
            };
          }),
        )
        .toMatchObject({ placed: true, moving: false, bodyScrolled: 0, bodyClips: false, pageScrolled: 0 });
      const box = await dialog.evaluate((element) => {
        const root = element.getRootNode() as ShadowRoot;
        const body = root.querySelector('[part="body"]') as HTMLElement;
        const blocks = [...body.children].filter((child) => child.tagName === 'P');
        return {
          firstLayerEnd: blocks.at(-1)!.getBoundingClientRect().bottom,
          confirm: (root.querySelector('[part="confirm"]') as HTMLElement)
            .getBoundingClientRect()
            .toJSON() as DOMRect,
        };
      });
      expect(box.firstLayerEnd, 'first layer ends above the confirm button').toBeLessThanOrEqual(
        box.confirm.top,
      );
      expect(box.confirm.bottom, 'confirm button fully on screen').toBeLessThanOrEqual(844);
      expect(log.pageErrors).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
    });
