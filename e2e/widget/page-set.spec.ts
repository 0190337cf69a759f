import { test, type Page } from '@playwright/test';
import { scanQr } from '../notice/notice-page.js';
import {
  expect,
  expectNoAxeViolations,
  localeChunk,
  recordPage,
  showIntent,
  type PageLog,
} from './support.js';

// The pages a site owner really has, beyond looks.spec.ts's three calm hosts: saturated and
// mid-grey backgrounds, a large and a tiny page font, a right-to-left page, long company names and
// a long unbroken word, all ten channels, at 1280×800, 390×844 and 320×640, inline and floating.
// Geometry instead of screenshots: no text outside its box, nothing outside the viewport's width,
// the floating panel fits or scrolls with its close button in reach, the whole QR code on screen;
// axe (contrast included) on the host's own background, with the panel and the notice open.
// Deterministic: fixed viewports, one font, reduced motion, waits on conditions only.
test.describe.configure({ timeout: 60_000 });
test.use({ contextOptions: { reducedMotion: 'reduce' } });

const provider = {
  name: 'Versand Dienst GmbH',
  country: 'DE',
  transfer: 'Keine Übermittlung in Drittländer.',
};
const tenChannels = [
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
/** Bots get the message as a 64-character payload (docs/channels.md#the-payload). */
const payloadChannels = ['telegram', 'messenger', 'instagram', 'viber'];

const companies = {
  /** 67 characters: too long for any bot payload, so those four channels are reported. */
  tooLong: 'Kaffeerösterei und Feinkosthandel Müller-Lüdenscheidt GmbH & Co. KG',
  /** 42 characters, still fits every payload: all ten channels show. */
  long: 'Feinkost Müller-Lüdenscheidt GmbH & Co. KG',
  /** One unbroken word of 42 characters (fits the payload too). */
  word: 'Donaudampfschifffahrtsgesellschaftskapitän',
};
const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
  narrow: { width: 320, height: 640 },
};

interface Host {
  background: string;
  color: string;
  fontSize?: string;
  dir?: 'rtl';
  theme?: 'light' | 'dark' | 'auto';
}
const hosts = {
  blue: { background: '#0b3d91', color: '#ffffff', theme: 'dark' },
  red: { background: '#b3261e', color: '#ffffff' },
  grey: { background: '#777777', color: '#000000', theme: 'light' },
  'large font': { background: '#ffffff', color: '#1b1f24', fontSize: '20px', theme: 'auto' },
  'tiny font': { background: '#121417', color: '#e8eaed', fontSize: '12px', theme: 'dark' },
  rtl: { background: '#f3ead8', color: '#3b2f20', dir: 'rtl', theme: 'light' },
} satisfies Record<string, Host>;

const pages: Array<{
  host: keyof typeof hosts;
  viewport: keyof typeof viewports;
  company: keyof typeof companies;
}> = [
  { host: 'blue', viewport: 'desktop', company: 'tooLong' },
  { host: 'blue', viewport: 'phone', company: 'long' },
  { host: 'red', viewport: 'narrow', company: 'word' },
  { host: 'grey', viewport: 'desktop', company: 'long' },
  { host: 'grey', viewport: 'phone', company: 'tooLong' },
  { host: 'large font', viewport: 'phone', company: 'long' },
  { host: 'large font', viewport: 'narrow', company: 'tooLong' },
  { host: 'tiny font', viewport: 'desktop', company: 'word' },
  { host: 'rtl', viewport: 'phone', company: 'tooLong' },
  { host: 'rtl', viewport: 'desktop', company: 'long' },
];

interface Mount {
  host: Host;
  layout: 'inline' | 'floating';
  company: string;
  channels: ReadonlyArray<Record<string, unknown>>;
  /** Site owner's texts: a long headline with the long word, where the company is that word. */
  texts?: Record<string, string>;
}

/** Styles the empty page as the host (CSSOM: the fixture's CSP allows no inline style) and adds the widget. */
async function mountOn(page: Page, { host, layout, company, channels, texts }: Mount): Promise<PageLog> {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/empty.html');
  await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined);
  await page.evaluate(
    ({ host, layout, company, channels, texts }) => {
      if (host.dir) document.documentElement.dir = host.dir;
      Object.assign(document.documentElement.style, { fontSize: host.fontSize ?? '' });
      Object.assign(document.body.style, {
        background: host.background,
        color: host.color,
        fontFamily: 'DejaVu Sans, sans-serif',
        fontSize: host.fontSize ?? '',
      });
      const section = document.getElementById('host');
      if (!section) throw new Error('no host');
      const text = document.createElement('p');
      text.textContent = 'Neue Röstungen und Angebote, höchstens zweimal im Monat.';
      section.append(text);
      const element = document.createElement('messenger-optin');
      const attributes: Record<string, string> = {
        company,
        purpose: 'News',
        'privacy-policy': 'https://firma.example/datenschutz',
        lang: 'de',
        layout,
        channels: JSON.stringify(channels),
      };
      if (host.theme) attributes['theme'] = host.theme;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      if (texts) Object.assign(element, { texts });
      section.append(element);
    },
    { host: host as Host, layout, company, channels, texts },
  );
  return log;
}

/**
 * What is out of place in the widget's shadow trees (the notice dialog included), as sentences: text
 * outside the box it belongs to, a box wider than the viewport or beyond its edges, a box that
 * scrolls sideways, a page that scrolls sideways. Visually hidden text (clip-path) is skipped.
 */
function layoutProblems(): string[] {
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  const name = (element: Element) =>
    element.getAttribute('part')
      ? `[part="${element.getAttribute('part')}"]`
      : `${element.localName}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
  const parentOf = (element: Element): Element | null =>
    element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
  const hidden = (element: Element) => {
    for (let at: Element | null = element; at; at = parentOf(at)) {
      const style = getComputedStyle(at);
      if (style.clipPath !== 'none' || style.display === 'none' || style.visibility === 'hidden') return true;
    }
    return false;
  };
  const px = (value: number) => Math.round(value);
  /** The part of `rect` not clipped away by a scrolling or clipping ancestor of `element`. */
  const visiblePart = (element: Element, rect: DOMRect): DOMRect | undefined => {
    let { left, top, right, bottom } = rect;
    for (let at: Element | null = element; at; at = parentOf(at)) {
      if (getComputedStyle(at).overflow === 'visible') continue;
      const clip = at.getBoundingClientRect();
      [left, top, right, bottom] = [
        Math.max(left, clip.left),
        Math.max(top, clip.top),
        Math.min(right, clip.right),
        Math.min(bottom, clip.bottom),
      ];
    }
    return right - left > 0 && bottom - top > 0
      ? new DOMRect(left, top, right - left, bottom - top)
      : undefined;
  };
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`the page scrolls sideways by ${px(document.documentElement.scrollWidth - width)} px`);

  const roots: ShadowRoot[] = [];
  const collect = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*'))
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
        collect(element.shadowRoot);
      }
  };
  collect(document);
  const texts: Array<{ text: string; owner: Element; rect: DOMRect }> = [];
  const controls: Element[] = [];
  for (const root of roots) {
    for (const element of root.querySelectorAll('*')) {
      if (hidden(element)) continue;
      const box = element.getBoundingClientRect();
      if (!box.width && !box.height) continue;
      if (box.left < -1) problems.push(`${name(element)} starts ${px(-box.left)} px left of the viewport`);
      if (box.right > width + 1)
        problems.push(`${name(element)} ends ${px(box.right - width)} px right of the viewport`);
      if (element.matches('button, a, input, textarea')) controls.push(element);
      const style = getComputedStyle(element);
      if (style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${name(element)} hides ${element.scrollWidth - element.clientWidth} px sideways`);
      // Scrollers (the dialog's body, the panel) may scroll down; a field or a button may not.
      if (element.matches('button, textarea, input') && element.scrollHeight > element.clientHeight + 1)
        problems.push(
          `${name(element)} hides ${element.scrollHeight - element.clientHeight} px of its text below`,
        );
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || hidden(parent)) continue;
      let container: Element = parent;
      while (['inline', 'contents'].includes(getComputedStyle(container).display) && container.parentElement)
        container = container.parentElement;
      const box = container.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (!rect.width) continue;
        const seen = visiblePart(parent, rect);
        if (seen) texts.push({ text, owner: parent, rect: seen });
        const over = Math.max(
          box.left - rect.left,
          rect.right - box.right,
          box.top - rect.top,
          rect.bottom - box.bottom,
        );
        if (over > 1)
          problems.push(`"${text.slice(0, 24)}" sticks out of ${name(container)} by ${px(over)} px`);
        if (rect.left < -1 || rect.right > width + 1)
          problems.push(`"${text.slice(0, 24)}" is cut by the viewport's edge`);
      }
    }
  }
  // A control over text of its own layer that is not its own (a close button over a mirrored
  // headline). The notice dialog lies over the list by design: layers are compared apart.
  const layer = (element: Element) => element.closest('.dialog, .panel, .root') ?? element;
  for (const control of controls) {
    const box = visiblePart(control, control.getBoundingClientRect());
    if (!box) continue;
    for (const { text, owner, rect } of texts) {
      if (control.contains(owner) || layer(control) !== layer(owner)) continue;
      const x = Math.min(box.right, rect.right) - Math.max(box.left, rect.left);
      const y = Math.min(box.bottom, rect.bottom) - Math.max(box.top, rect.top);
      if (x > 1 && y > 1)
        problems.push(`${name(control)} covers "${text.slice(0, 24)}" (${px(x)}×${px(y)} px)`);
    }
  }
  return [...new Set(problems)];
}

/** The rectangle of the one element of the widget's shadow tree matching `selector`, if shown. */
async function boxOf(page: Page, selector: string) {
  return page
    .locator('messenger-optin')
    .evaluate(
      (element, selector) =>
        element.shadowRoot?.querySelector(selector)?.getBoundingClientRect().toJSON() as DOMRect | undefined,
      selector,
    );
}

/** The names of the channels that show a button, in order. */
const shownChannels = (page: Page) =>
  page
    .locator('messenger-optin [data-channel]')
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-channel')));

for (const { host: hostName, viewport: viewportName, company: companyName } of pages)
  for (const layout of ['inline', 'floating'] as const)
    test(`${hostName} host, ${viewportName}, ${layout}, ${companyName} company: nothing clipped, axe clean, notice fits`, async ({
      page,
    }) => {
      const viewport = viewports[viewportName];
      await page.setViewportSize(viewport);
      const company = companies[companyName];
      const log = await mountOn(page, {
        host: hosts[hostName],
        layout,
        company,
        channels:
          companyName === 'word'
            ? [{ ...tenChannels[0], label: `WhatsApp-Benachrichtigungsdienst` }, ...tenChannels.slice(1)]
            : tenChannels,
        ...(companyName === 'word' ? { texts: { headline: `Neuigkeiten der ${company}` } } : {}),
      });
      const widget = page.locator('messenger-optin');
      // The full validation runs on the first intent (the launcher's, floating); channels it drops
      // go then, reported.
      const validated = page.waitForRequest(localeChunk);
      if (layout === 'floating') {
        const launcher = widget.locator('[part="launcher"]');
        await expect(launcher).toBeVisible();
        expect(await page.evaluate(layoutProblems)).toEqual([]);
        await launcher.click();
      }
      await widget.locator('[data-channel]').first().hover();
      await validated;
      const expected = tenChannels
        .map((channel) => channel.type)
        .filter((type) => companyName !== 'tooLong' || !payloadChannels.includes(type));
      await expect.poll(() => shownChannels(page)).toEqual(expected);
      await expect
        .poll(() =>
          widget.locator('[part~="channel-whatsapp"] path').evaluate((path) => path.getAttribute('d') ?? ''),
        )
        .not.toBe('');
      expect(await page.evaluate(layoutProblems)).toEqual([]);

      if (layout === 'floating') {
        // Ten channels: the panel fits the viewport, or scrolls in itself with its close button in reach.
        const panel = await boxOf(page, '[part="panel"]');
        expect(panel?.top).toBeGreaterThanOrEqual(0);
        // A panel, not a banner across a desktop: ten channels wrap into rows.
        expect(panel?.width).toBeLessThanOrEqual(640);
        await widget.locator('[part="panel"]').evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
        for (const target of ['[part="close"]', '[data-channel]:last-of-type']) {
          const reachable = await widget.evaluate(
            (element, target) => {
              const root = element.shadowRoot!;
              const found = [...root.querySelectorAll(target)].at(-1)!;
              const box = found.getBoundingClientRect();
              const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
              return hit === found || found.contains(hit);
            },
            target === '[data-channel]:last-of-type' ? '[data-channel]' : target,
          );
          expect(reachable, `${target} is on screen and not covered, panel scrolled to its end`).toBe(true);
        }
        await widget.locator('[part="panel"]').evaluate((panel) => panel.scrollTo(0, 0));
      }
      await expectNoAxeViolations(page);

      // The notice of the channel furthest down the list, with the long company name in it.
      await widget.locator('[data-channel]').last().click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      expect(await page.evaluate(layoutProblems)).toEqual([]);
      const box = await dialog.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 1);
      // German text keeps its own direction on a right-to-left page (no ".KG" at the line's start).
      expect(await dialog.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
      // The heading starts where the text below it starts, on the right on a right-to-left page.
      const insets = await dialog.evaluate((element) => {
        const root = element.getRootNode() as ShadowRoot;
        const rtl = getComputedStyle(element).direction === 'rtl';
        const start = (selector: string) => {
          const box = root.querySelector(selector)!.getBoundingClientRect();
          const outer = element.getBoundingClientRect();
          return Math.round(rtl ? outer.right - box.right : box.left - outer.left);
        };
        return { heading: start('h2'), text: start('[part="body"] p') };
      });
      expect(insets.heading, 'heading and text start at the same inset').toBe(insets.text);

      // Channels left out are reported, one optin-error each, naming the index and the payload.
      const errors = (await log.events()).filter((event) => event.type === 'optin-error');
      const dropped = tenChannels.flatMap((channel, index) =>
        expected.includes(channel.type) ? [] : [index],
      );
      expect(errors.map((error) => error.detail['path'])).toEqual(
        dropped.map((index) => expect.stringContaining(`channels[${index}]`)),
      );
      expect(log.pageErrors).toEqual([]);
    });

const qrCases = [
  { channel: 'signal', company: companies.tooLong, viewport: viewports.desktop },
  { channel: 'signal', company: companies.tooLong, viewport: viewports.phone },
  { channel: 'telegram', company: companies.word, viewport: viewports.desktop },
  { channel: 'telegram', company: companies.long, viewport: viewports.narrow },
];

for (const { channel, company, viewport } of qrCases)
  test(`${channel} QR step, ${viewport.width}×${viewport.height}, "${company.slice(0, 20)}…": the whole code shows and scans`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const log = await mountOn(page, { host: hosts.blue, layout: 'inline', company, channels: tenChannels });
    const widget = page.locator('messenger-optin');
    await showIntent(page, widget.locator(`[data-channel="${channel}"]`));
    await widget.locator(`[data-channel="${channel}"]`).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // Signal cannot prefill the message, so the ticked box is the act of consent.
    if (channel === 'signal') await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: new RegExp(channel, 'i') }).click();
    const qr = dialog.getByRole('img', { name: /QR/ });
    await expect(qr).toBeInViewport({ ratio: 1 });
    const open = dialog.getByRole('link', { name: 'Auf diesem Gerät öffnen' });
    const href = await open.getAttribute('href');
    await expect.poll(() => scanQr(qr)).toBe(href);
    expect(await page.evaluate(layoutProblems)).toEqual([]);
    await expectNoAxeViolations(page);
    expect(log.pageErrors).toEqual([]);
  });

test('an invalid phone number among nine good channels: the nine show, one optin-error names it', async ({
  page,
}) => {
  await page.setViewportSize(viewports.phone);
  const channels = tenChannels.map((channel) =>
    channel.type === 'signal' ? { type: 'signal', phone: '0170 7654321' } : channel,
  );
  const log = await mountOn(page, { host: hosts.red, layout: 'inline', company: companies.long, channels });
  const widget = page.locator('messenger-optin');
  await expect(widget.locator('[data-channel]').first()).toBeVisible();
  await showIntent(page, widget.locator('[data-channel]').first());
  await page.waitForLoadState('networkidle');
  const nine = tenChannels.map((channel) => channel.type).filter((type) => type !== 'signal');
  await expect.poll(() => shownChannels(page)).toEqual(nine);
  const errors = (await log.events()).filter((event) => event.type === 'optin-error');
  expect(errors).toHaveLength(1);
  expect(errors[0]?.detail).toMatchObject({ path: 'channels[6].phone' });
  expect(errors[0]?.detail['message']).toMatch(/country code/);
  expect(log.consoleErrors).toHaveLength(1);
  expect(log.consoleErrors[0]).toContain('channels[6].phone');
  expect(await page.evaluate(layoutProblems)).toEqual([]);
  await expectNoAxeViolations(page);
  expect(log.pageErrors).toEqual([]);
});
