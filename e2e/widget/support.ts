import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect as baseExpect, type CDPSession, type Locator, type Page } from '@playwright/test';

/** Assertions wait up to 15 s: lazy chunks on a loaded CI machine can take a few seconds. */
export const expect = baseExpect.configure({ timeout: 15_000 });

/** What the page saw: public widget events in order, CSP violations, console errors, page errors. */
export interface PageLog {
  events: () => Promise<Array<{ type: string; detail: Record<string, unknown>; cancelable: boolean }>>;
  consoleErrors: string[];
  pageErrors: Error[];
  violations: () => Promise<string[]>;
}

const eventTypes = ['optin-notice-open', 'optin-consent', 'optin-link-open', 'optin-withdraw', 'optin-error'];

/**
 * Starts recording before the page's own scripts run. The init script runs outside the page's CSP,
 * so the pages themselves keep their strict policy (no inline script).
 */
export async function recordPage(page: Page): Promise<PageLog> {
  await page.addInitScript((types: string[]) => {
    const seen: unknown[] = [];
    const violations: string[] = [];
    Object.assign(window, { __optinEvents: seen, __cspViolations: violations });
    for (const type of types) {
      document.addEventListener(type, (event) => {
        const { detail, cancelable } = event as CustomEvent;
        seen.push({ type, detail: JSON.parse(JSON.stringify(detail ?? null)), cancelable });
      });
    }
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  }, eventTypes);
  const log: PageLog = {
    consoleErrors: [],
    pageErrors: [],
    events: () => page.evaluate(() => (window as unknown as { __optinEvents: never }).__optinEvents),
    violations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.pageErrors.push(error));
  return log;
}

/** The flow chunk, loaded on the visitor's first sign of intent (docs/architecture.md#loading). */
export const flowChunk = /\/chunks\/on-intent-[^/]*\.js$/;
/** The notice texts of one locale, fetched once the flow chunk ran. */
export const localeChunk = /\/chunks\/(de|en)-[^/]*\.js$/;

/**
 * Shows intent as a visitor does, the pointer over a button (the first of the page's widget unless
 * given), and waits until the flow chunk ran: the full validation is done (config errors only it
 * finds are reported now) and the notice texts are on their way. Only for the page's first intent.
 */
export async function showIntent(page: Page, target?: Locator): Promise<void> {
  const settled = page.waitForRequest(localeChunk);
  await (target ?? page.locator('messenger-optin').getByRole('button').first()).hover();
  await settled;
}

/**
 * Waits until the flow chunk has run (it defines the notice element). What comes with it, such as
 * the floating panel's light dismiss, is in place from the next task on.
 */
export async function flowArrived(page: Page): Promise<void> {
  await page.waitForFunction(() => customElements.get('messenger-optin-notice') !== undefined);
}

/** A bucket of the counting endpoint of its own, so parallel tests don't see each other's events. */
export function bucketName(title: string): string {
  return `${title.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface StoredEvent {
  type: string;
  eventId: string;
  consentId: string;
  channel: string;
  ref?: string;
  message?: string;
  action?: string;
  notice?: { id: string; sha256: string; text?: string };
  page: { origin: string; path: string };
}

/** Events the counting endpoint stored for a bucket, waiting until `types` have all arrived. */
export async function storedEvents(page: Page, bucket: string, types: string[]): Promise<StoredEvent[]> {
  let events: StoredEvent[] = [];
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/collect/${bucket}/stats`);
        const stats = (await response.json()) as { events: StoredEvent[]; rejected: unknown[] };
        events = stats.events;
        // An event the real receiver would refuse fails the test here, with the receiver's reasons.
        if (stats.rejected.length) return { rejected: stats.rejected };
        return types.every((type) => events.some((event) => event.type === type));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return events;
}

/**
 * Resolves after the page has rendered two more frames: the handlers of an input already
 * dispatched, the element updates they queued and the frame after them have all run. For checks that
 * something did not happen (a press that must not close a panel), instead of a fixed sleep.
 */
export async function afterNextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))),
  );
}

/** Sets the endpoint before any interaction (the fixture pages are static). */
export async function useEndpoint(page: Page, bucket: string, selector = 'messenger-optin'): Promise<void> {
  await page
    .locator(selector)
    .evaluate((element, path) => element.setAttribute('endpoint', path), `/collect/${bucket}`);
}

const axeSource = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');

/**
 * axe-core evaluated through the DevTools protocol: the pages' strict CSP and Trusted Types block
 * both an inline copy (`addScriptTag({ path })`) and a script URL set from outside.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // The popover fades in (opacity 0 until Floating UI placed it, then a 120 ms transition); axe
  // would measure the contrast of half-transparent text. Wait until every dialog is opaque and no
  // transition is running.
  // The same holds for the floating panel's rise animation. Animations inside shadow roots are
  // read per element, which covers every tree.
  await page.waitForFunction(() => {
    let settled = true;
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.getAttribute('role') === 'dialog' && getComputedStyle(element).opacity !== '1')
          settled = false;
        if (element.getAnimations().some((animation) => animation.playState === 'running')) settled = false;
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return settled;
  });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => {
      const { id, help, nodes } = violation as {
        id: string;
        help: string;
        nodes: Array<{ target: unknown }>;
      };
      return `${id}: ${help} (${nodes.map((node) => JSON.stringify(node.target)).join(', ')})`;
    });
  });
  expect(violations).toEqual([]);
}

/** A reference code: Crockford base32 without I L O U (docs/channels.md#reference-code). */
export const refPattern = '[0-9A-HJKMNP-TV-Z]{6}';

/** Listeners registered on window and document, by type, through the DevTools protocol. */
export async function globalListeners(client: CDPSession): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const expression of ['window', 'document', 'document.documentElement']) {
    const { result } = await client.send('Runtime.evaluate', { expression });
    const { listeners } = await client.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId ?? '',
    });
    for (const listener of listeners)
      counts[`${expression}:${listener.type}`] = (counts[`${expression}:${listener.type}`] ?? 0) + 1;
    await client.send('Runtime.releaseObject', { objectId: result.objectId ?? '' });
  }
  return counts;
}
