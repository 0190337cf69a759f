import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { expect, test } from './demo-fixture.js';
import { watchForProblems } from './demo-page-checks.js';

const cdnDir = resolve(import.meta.dirname, '../../packages/widget/dist/cdn');
test.describe.configure({ timeout: 60_000 });

test('the configurator snippet carries the integrity of sri.json, and that hash is the served file', async ({
  page,
  request,
  demo,
}) => {
  const problems = await watchForProblems(page);
  await page.goto(new URL('configurator.html', demo.url).href);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();

  const sri = JSON.parse(readFileSync(`${cdnDir}/sri.json`, 'utf8')) as Record<string, string>;
  const expected = sri['messenger-optin.js'];
  expect(expected).toMatch(/^sha384-[A-Za-z0-9+/]+=*$/);

  const snippet = (await page.locator('#snippet').textContent()) ?? '';
  expect(snippet).toContain(`src="${demo.url}widget/messenger-optin.js"`);
  expect(snippet).toContain(`integrity="${expected}"`);
  expect(snippet).toContain('crossorigin="anonymous"');

  // The hash is not just copied: it is the sha384 of the bytes the demo serves.
  const served = await request.get(new URL('widget/messenger-optin.js', demo.url).href);
  const digest = `sha384-${createHash('sha384')
    .update(await served.body())
    .digest('base64')}`;
  expect(digest).toBe(expected);
  expect(await problems()).toEqual([]);
});

test('form changes update the live preview and the snippet, escaped as HTML', async ({ page, demo }) => {
  await page.goto(new URL('configurator.html', demo.url).href);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  const preview = page.locator('#preview messenger-optin');

  await page.getByLabel('Company').fill('Müller & Söhne <b>');
  await page.getByLabel('Language').selectOption('en');
  await page.getByRole('checkbox', { name: 'Threema' }).uncheck();
  await page.getByRole('checkbox', { name: 'E-mail' }).check();

  await expect(preview).toHaveAttribute('company', 'Müller & Söhne <b>');
  await expect(preview).toHaveAttribute('lang', 'en');
  // The preview follows the form on its input events; poll instead of reading once.
  await expect
    .poll(async () => {
      const channels = JSON.parse((await preview.getAttribute('channels')) ?? '[]') as Array<{
        type: string;
      }>;
      return channels.map((channel) => channel.type);
    })
    .toEqual(['whatsapp', 'telegram', 'signal', 'email']);

  const snippet = page.locator('#snippet');
  await expect(snippet).toContainText('company="Müller &amp; Söhne &lt;b>"');
  await expect(snippet).toContainText(`channels='[{"type":"whatsapp","phone":"+49 170 1234567"}`);
  await expect(snippet).toContainText('require-checkbox');
  // The preview is the real widget: it shows the new company's buttons.
  await expect(page.getByRole('button', { name: 'E-mail' })).toBeVisible();

  await page.getByLabel('Require a checkbox before confirming').uncheck();
  await expect(snippet).not.toContainText('require-checkbox');
  await expect(preview).not.toHaveAttribute('require-checkbox', /.*/);
});

test('the snippet works when pasted into another site, and SRI refuses a changed file', async ({
  page,
  demo,
}) => {
  await page.goto(new URL('configurator.html', demo.url).href);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await page.getByLabel('Consent endpoint').fill('');
  await expect(page.locator('#snippet')).not.toContainText('endpoint=');
  const snippet = (await page.locator('#snippet').textContent()) ?? '';

  // Another site (another origin on this machine) pastes the snippet as it is. A real server, not
  // page.route: Chromium's Private Network Access rules treat a routed page as public and refuse it
  // the loopback demo.
  let html = '';
  let csp = '';
  const site = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(csp ? { 'content-security-policy': csp } : {}),
    });
    response.end(
      `<!doctype html><html lang="de"><head><title>Shop</title></head><body>${html}</body></html>`,
    );
  });
  await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  const whatsapp = page.getByRole('button', { name: 'WhatsApp' });
  try {
    // As pasted, under a CSP that allows the demo's scripts and, by the hash the snippet names,
    // its import map: the buttons show and the lazy chunks pass their integrity check.
    const mapHash = /script-src '(sha256-[A-Za-z0-9+/]+=*)'/.exec(snippet)?.[1];
    expect(mapHash).toBeDefined();
    csp = `script-src ${new URL(demo.url).origin} '${mapHash}'; style-src ${new URL(demo.url).origin}`;
    html = snippet;
    const problems = await watchForProblems(page);
    await page.goto(siteUrl);
    await whatsapp.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await problems()).toEqual([]);
    csp = '';

    // Same snippet with a different hash: the browser must not run the file.
    html = snippet.replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${'A'.repeat(64)}"`);
    const refused = page.waitForEvent('console', (message) => /integrity/i.test(message.text()));
    await page.goto(siteUrl);
    await refused;
    expect(await page.evaluate(() => Boolean(customElements.get('messenger-optin')))).toBe(false);

    // A lazy chunk whose hash in the import map does not match: the browser refuses it. The flow
    // chunk loads on intent, so the buttons show; the tap says the link could not be opened, no
    // notice opens, nothing is thrown at the page, and the buttons stay for the next try.
    const sri = JSON.parse(readFileSync(`${cdnDir}/sri.json`, 'utf8')) as Record<string, string>;
    const lazyChunk = Object.keys(sri).find((file) => file.startsWith('chunks/on-intent-'));
    expect(lazyChunk).toBeDefined();
    const chunkHash = sri[lazyChunk ?? ''] ?? '';
    expect(snippet).toContain(`"${new URL(`widget/${lazyChunk}`, demo.url).href}": "${chunkHash}"`);
    html = snippet.replace(chunkHash, `sha384-${'B'.repeat(64)}`);
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(siteUrl);
    const reported = page.waitForEvent('console', (message) => /could not be opened/.test(message.text()));
    await whatsapp.click();
    await reported;
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(whatsapp).toBeVisible();
    expect(pageErrors).toEqual([]);
  } finally {
    site.close();
  }
});

test('"Copy snippet" stays disabled while the form is invalid and names the field to fix', async ({
  page,
  demo,
}) => {
  await page.goto(new URL('configurator.html', demo.url).href);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  const copy = page.getByRole('button', { name: 'Copy snippet' });
  await expect(copy).toBeEnabled();

  const phone = page.getByRole('textbox', { name: 'WhatsApp: Phone number' });
  await phone.fill('0170 1234567');
  await expect(copy).toBeDisabled();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#copy-status')).toContainText('WhatsApp: Phone number');
  await expect(page.locator('#copy-status')).toContainText('country code');
  await phone.fill('+49 170 1234567');
  await expect(copy).toBeEnabled();
  await expect(phone).not.toHaveAttribute('aria-invalid');

  const company = page.getByLabel('Company');
  await company.fill('');
  await expect(copy).toBeDisabled();
  await expect(company).toHaveAttribute('aria-invalid', 'true');
  // A company name too long for Telegram's 64-character bot payload: only that channel is broken.
  await company.fill('Feinkost und Kaffeerösterei Müller-Lüdenscheidt GmbH & Co. KG');
  await expect(copy).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Telegram: User or bot name' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await company.fill('Firma');
  await expect(copy).toBeEnabled();
});
