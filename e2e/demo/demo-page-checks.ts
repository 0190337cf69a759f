import type { Page } from '@playwright/test';

/**
 * Collects what would tell a visitor (or a site owner's console) that the page is broken: CSP
 * violations, uncaught errors, console errors. The listener is injected by Playwright, outside the
 * page's CSP, so it also sees violations of scripts the CSP blocked.
 */
export async function watchForProblems(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return async () => {
    const csp = await page
      .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
      .catch(() => [] as string[]);
    return [...problems, ...csp.map((line) => `csp: ${line}`)];
  };
}

/** Keeps the browser inside the demo: a real messenger (wa.me, t.me, …) is never contacted. */
export async function blockOutsideRequests(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.context().route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/])/, async (route) => {
    blocked.push(route.request().url());
    await route.abort();
  });
  return blocked;
}
