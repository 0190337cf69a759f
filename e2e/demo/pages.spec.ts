import { expect, test } from './demo-fixture.js';
import { blockOutsideRequests, watchForProblems } from './demo-page-checks.js';

test.describe.configure({ timeout: 60_000 });

test('npm run demo prints every URL and the admin token', ({ demo }) => {
  const output = demo.output();
  for (const path of ['', 'en.html', 'configurator.html', 'consents.html']) {
    expect(output).toContain(`${demo.url}${path}\n`);
  }
  expect(output).toContain(`Console:        ${demo.url}admin `);
  expect(output).toContain(demo.adminToken);
  expect(output).toMatch(/demo only/i);
});

for (const path of [
  '',
  'en.html',
  'configurator.html',
  'consents.html',
  'datenschutz.html',
  'privacy.html',
]) {
  test(`/${path} runs under the strict CSP without errors`, async ({ page, demo }) => {
    const problems = await watchForProblems(page);
    await blockOutsideRequests(page);
    const response = await page.goto(new URL(path, demo.url).href);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'; style-src 'self'");
    await page.waitForLoadState('networkidle');
    expect(await problems()).toEqual([]);
  });
}

test('the English page mounts a floating launcher from the script tag’s data-* attributes', async ({
  page,
  demo,
}) => {
  const problems = await watchForProblems(page);
  await blockOutsideRequests(page);
  const eventPosts: string[] = [];
  page.on('request', (sent) => {
    if (sent.url().includes('/v1/events')) eventPosts.push(sent.url());
  });
  await page.goto(new URL('en.html', demo.url).href);
  // No element in the page source: the script created one.
  await expect(page.locator('messenger-optin')).toHaveCount(1);
  const launcher = page.getByRole('button', { name: /Newsletter via messenger/ });
  await expect(launcher).toBeVisible();
  await launcher.click();
  await page.getByRole('button', { name: 'Telegram' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Telegram');
  await expect(dialog.getByRole('button', { name: /Open Telegram/ })).toBeVisible();
  expect(await problems()).toEqual([]);
});

test('the server never serves files outside the demo', async ({ request, demo }) => {
  for (const path of ['/../package.json', '/%2e%2e/start.mjs', '/widget/../../../package.json', '/%00']) {
    const response = await request.get(`${demo.url.slice(0, -1)}${path}`);
    expect(response.status(), path).toBe(404);
  }
});
