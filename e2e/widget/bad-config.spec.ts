import { test, type Page } from '@playwright/test';
import { expect, expectNoAxeViolations, flowChunk, recordPage, showIntent } from './support.js';

// Real Chromium on a shared 2-core machine: flows with lazy chunks and a counting endpoint take time.
test.describe.configure({ timeout: 90_000 });

// A site owner's mistake: one clear console error naming the attribute, one `optin-error` event,
// nothing broken rendered, nothing thrown at the page (docs/architecture.md#rules-every-part-keeps, "What bad input gets").

const valid: Record<string, string> = {
  company: 'Firma',
  purpose: 'News',
  channels: '[{"type":"whatsapp","phone":"+49 170 1234567"}]',
  'privacy-policy': 'https://firma.example/privacy',
};

/** Adds a <messenger-optin> with these attributes (null removes one) to an empty CSP page. */
async function mount(page: Page, attributes: Record<string, string | null>) {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/empty.html');
  await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined);
  await page.evaluate(
    (attrs) => {
      const element = document.createElement('messenger-optin');
      for (const [name, value] of Object.entries(attrs))
        if (value !== null) element.setAttribute(name, value);
      document.getElementById('host')?.append(element);
    },
    { ...valid, ...attributes },
  );
  return log;
}

/**
 * Waits for the first optin-error, then for the widget to settle (its full validation finished).
 * What the pre-check finds is reported without buttons, as soon as the flow chunk with its sentences
 * arrived (config/pre-check-sentences.ts). What only the full validation
 * finds is reported on the visitor's first intent, when the flow chunk with it loads
 * (docs/architecture.md#loading): until then the buttons show, so the pointer goes over one.
 */
async function firstError(page: Page, log: Awaited<ReturnType<typeof recordPage>>) {
  const reported = async () =>
    (await log.events()).filter((event) => event.type === 'optin-error').length > 0;
  const buttons = page.locator('messenger-optin').getByRole('button');
  await expect.poll(async () => (await reported()) || (await buttons.count()) > 0).toBe(true);
  if (!(await reported())) await showIntent(page);
  await expect
    .poll(async () => (await log.events()).filter((event) => event.type === 'optin-error').length)
    .toBe(1);
  await page.waitForLoadState('networkidle');
  await page
    .locator('messenger-optin')
    .evaluate((element) => (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete);
  const errors = (await log.events()).filter((event) => event.type === 'optin-error');
  expect(errors).toHaveLength(1);
  return errors[0]?.detail as { code: string; message: string; path?: string };
}

const cases: Array<
  [string, Record<string, string | null>, { code: string; path: string; attribute: string; says: RegExp }]
> = [
  [
    'missing company',
    { company: null },
    { code: 'missing-attribute', path: 'company', attribute: 'company', says: /required/ },
  ],
  [
    'a phone number without country code',
    { channels: '[{"type":"whatsapp","phone":"0170 123456"}]' },
    { code: 'invalid-config', path: 'channels[0].phone', attribute: 'channels', says: /country code/ },
  ],
  [
    'an unknown channel',
    { channels: '[{"type":"wechat","id":"firma"}]' },
    {
      code: 'unknown-channel',
      path: 'channels[0].type',
      attribute: 'channels',
      says: /"wechat" is not a known channel/,
    },
  ],
  [
    'a javascript: privacy policy',
    { 'privacy-policy': 'javascript:alert(document.cookie)' },
    {
      code: 'invalid-url',
      path: 'privacyPolicy',
      attribute: 'privacy-policy',
      says: /only http\(s\) links are allowed/,
    },
  ],
  [
    'channels that are not JSON',
    { channels: "[{type:'whatsapp'}]" },
    { code: 'invalid-json', path: 'channels', attribute: 'channels', says: /not valid JSON/ },
  ],
];

// More mistakes site owners make, each caught by the full validation after the first paint: the
// buttons that showed are removed again, with the same one error naming the attribute.
cases.push(
  [
    'no privacy policy',
    { 'privacy-policy': null },
    { code: 'missing-attribute', path: 'privacyPolicy', attribute: 'privacy-policy', says: /required/ },
  ],
  [
    'a data: privacy policy',
    { 'privacy-policy': 'data:text/html,<p>privacy</p>' },
    {
      code: 'invalid-url',
      path: 'privacyPolicy',
      attribute: 'privacy-policy',
      says: /only http\(s\) links are allowed/,
    },
  ],
  [
    'an empty channel list',
    { channels: '[]' },
    { code: 'missing-attribute', path: 'channels', attribute: 'channels', says: /needs at least 1 entry/ },
  ],
  [
    'a channel without its phone number',
    { channels: '[{"type":"whatsapp"}]' },
    { code: 'invalid-config', path: 'channels[0].phone', attribute: 'channels', says: /required/ },
  ],
  [
    'a Telegram user name with a space',
    { channels: '[{"type":"telegram","username":"firma bot"}]' },
    { code: 'invalid-config', path: 'channels[0].username', attribute: 'channels', says: /not a valid/ },
  ],
  [
    'a misspelt channel option',
    { channels: '[{"type":"whatsapp","phone":"+49 170 1234567","lable":"Chat"}]' },
    { code: 'invalid-config', path: 'channels[0]', attribute: 'channels', says: /unknown option "lable"/ },
  ],
  [
    'a javascript: endpoint',
    { endpoint: 'javascript:alert(1)' },
    {
      code: 'invalid-url',
      path: 'endpoint',
      attribute: 'endpoint',
      says: /only http\(s\) links are allowed/,
    },
  ],
  [
    'an unknown layout',
    { layout: 'sidebar' },
    { code: 'invalid-config', path: 'layout', attribute: 'layout', says: /"inline" or "floating"/ },
  ],
  [
    'an unknown reference mode',
    { reference: 'maybe' },
    { code: 'invalid-config', path: 'reference', attribute: 'reference', says: /"code" or "none"/ },
  ],
  [
    'a lang that is no language tag',
    { lang: 'deutsch!' },
    { code: 'invalid-config', path: 'lang', attribute: 'lang', says: /language tag/ },
  ],
  [
    'a withdraw keyword of only spaces',
    { 'withdraw-keyword': '   ' },
    { code: 'invalid-config', path: 'withdrawKeyword', attribute: 'withdraw-keyword', says: /empty/ },
  ],
  [
    'a keyword over 50 characters',
    { keyword: 'Anmelden'.repeat(7) },
    { code: 'invalid-config', path: 'keyword', attribute: 'keyword', says: /too long/ },
  ],
);

for (const [name, attributes, expected] of cases) {
  test(`${name}: one console error naming "${expected.attribute}", optin-error, no buttons`, async ({
    page,
  }) => {
    const log = await mount(page, attributes);
    const detail = await firstError(page, log);
    expect(detail).toMatchObject({ code: expected.code, path: expected.path });
    expect(detail.message).toMatch(expected.says);

    expect(log.consoleErrors).toHaveLength(1);
    expect(log.consoleErrors[0]).toContain(`"${expected.attribute}"`);
    expect(log.consoleErrors[0]).toMatch(expected.says);
    await expect(page.locator('messenger-optin').getByRole('button')).toHaveCount(0);
    await expect(page.locator('messenger-optin')).toHaveJSProperty('offsetHeight', 0);
    expect(log.pageErrors).toEqual([]);
  });
}

test('a mistake on a static page: the page keeps working, and fixing the attribute shows the buttons', async ({
  page,
}) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/bad-config.html');
  const detail = await firstError(page, log);
  expect(detail).toMatchObject({ code: 'missing-attribute', path: 'company' });
  await expect(page.getByText('The rest of the page keeps working.')).toBeVisible();
  await expect(page.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.locator('messenger-optin').evaluate((element) => element.setAttribute('company', 'Firma'));
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  expect(log.consoleErrors).toHaveLength(1);
  expect(log.pageErrors).toEqual([]);
  expect(await log.violations()).toEqual([]);
});

test('a broken <script type="application/json"> config is reported, not thrown', async ({ page }) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/bad-json.html');
  const detail = await firstError(page, log);
  expect(detail.code).toBe('invalid-json');
  expect(log.consoleErrors).toHaveLength(1);
  expect(log.consoleErrors[0]).toContain('<script type="application/json">');
  await expect(page.locator('messenger-optin').getByRole('button')).toHaveCount(0);
  expect(log.pageErrors).toEqual([]);
});

test('"theme" in the <script type="application/json"> config is applied, not rejected', async ({ page }) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/json-theme.html');
  const element = page.locator('messenger-optin');
  await expect(element.getByRole('button', { name: /Telegram/ })).toBeVisible();
  await expect(element).toHaveAttribute('theme', 'dark');
  // The full validation ran (on intent) and kept the buttons.
  await showIntent(page);
  await expect(element.getByRole('button', { name: /Telegram/ })).toBeVisible();
  expect(log.consoleErrors).toEqual([]);
  expect((await log.events()).filter((event) => event.type === 'optin-error')).toEqual([]);
});

test('an attribute name as key in the JSON config ("privacy-policy") is read as its property', async ({
  page,
}) => {
  const log = await recordPage(page);
  await page.goto('/e2e/fixtures/widget/json-kebab.html');
  const element = page.locator('messenger-optin');
  // The full validation ran (on intent) and kept the buttons.
  await showIntent(page);
  await element.getByRole('button', { name: /Telegram/ }).click();
  await expect(page.getByRole('dialog').getByRole('link', { name: /Datenschutz|privacy/i })).toHaveAttribute(
    'href',
    'https://json.example/privacy',
  );
  expect(log.consoleErrors).toEqual([]);
  expect(log.pageErrors).toEqual([]);
});

// One broken channel does not take the working ones down: they render and act, the broken one is
// reported (one console error, one optin-error naming its index) and has no button.
const brokenAmongGood: Array<[string, string, { code: string; path: string; says: RegExp }]> = [
  [
    'a company name too long for the Telegram bot payload',
    '[{"type":"whatsapp","phone":"+49 170 1234567"},{"type":"telegram","username":"firma_news_bot"},{"type":"threema","id":"FIRMA123"},{"type":"signal","phone":"+49 170 1234567"}]',
    { code: 'invalid-config', path: 'channels[1]', says: /64/ },
  ],
  [
    'a phone number without country code',
    '[{"type":"whatsapp","phone":"0170 1234567"},{"type":"telegram","username":"firma_news_bot"},{"type":"threema","id":"FIRMA123"}]',
    { code: 'invalid-config', path: 'channels[0].phone', says: /country code/ },
  ],
  [
    'an unknown channel type',
    '[{"type":"whatsapp","phone":"+49 170 1234567"},{"type":"wechat","id":"firma"},{"type":"threema","id":"FIRMA123"}]',
    { code: 'unknown-channel', path: 'channels[1].type', says: /"wechat" is not a known channel/ },
  ],
];

for (const [name, channels, expected] of brokenAmongGood) {
  test(`one broken channel (${name}) is reported, the others still show and work`, async ({ page }) => {
    const company = name.includes('too long')
      ? 'Feinkost und Kaffeerösterei Müller-Lüdenscheidt GmbH & Co. KG'
      : 'Firma';
    const log = await mount(page, { company, channels });
    const detail = await firstError(page, log);
    expect(detail.code).toBe(expected.code);
    expect(detail.path?.startsWith(expected.path)).toBe(true);
    expect(detail.message).toMatch(expected.says);
    expect(log.consoleErrors).toHaveLength(1);
    expect(log.consoleErrors[0]).toContain(expected.path);

    const broken = JSON.parse(channels)[Number(/\d+/.exec(expected.path)?.[0])] as { type: string };
    const widget = page.locator('messenger-optin');
    const all = JSON.parse(channels) as Array<{ type: string }>;
    const good = all.filter((channel) => channel !== all.find((c) => c.type === broken.type));
    await expect(widget.locator('[data-channel]')).toHaveCount(good.length);
    await expect(widget.locator(`[data-channel="${broken.type}"]`)).toHaveCount(0);
    // The channels that passed act: the first one opens its notice.
    await widget.locator(`[data-channel="${good[0]?.type}"]`).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(log.pageErrors).toEqual([]);
  });
}

test('a pre-check problem while the flow chunk cannot load: one shorter line still names the attribute', async ({
  page,
}) => {
  await page.route(flowChunk, (route) => route.abort('connectionreset'));
  const log = await mount(page, { company: null });
  await expect
    .poll(async () => (await log.events()).filter((event) => event.type === 'optin-error'))
    .toHaveLength(1);
  const [error] = (await log.events()).filter((event) => event.type === 'optin-error');
  expect(error?.detail).toMatchObject({ code: 'missing-attribute', path: 'company' });
  expect(String(error?.detail['message'])).toMatch(/^attribute "company": company: is not valid \(/);
  const widgetErrors = log.consoleErrors.filter((text) => text.startsWith('<messenger-optin>'));
  expect(widgetErrors).toEqual([`<messenger-optin> ${String(error?.detail['message'])}`]);
  await expect(page.locator('messenger-optin').getByRole('button')).toHaveCount(0);
  expect(log.pageErrors).toEqual([]);
});
