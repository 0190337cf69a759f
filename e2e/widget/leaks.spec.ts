import { test, type CDPSession, type Page } from '@playwright/test';
import { expect, globalListeners } from './support.js';

// Clean up what you start (docs/architecture.md#rules-every-part-keeps): mounting and removing the element leaves no listener on
// window or document, no running observer, no growing heap.

/** Observers that observe something and were not disconnected (wrapped before the page runs). */
async function countObservers(page: Page) {
  await page.addInitScript(() => {
    const live = new Set<object>();
    Object.assign(window, { __liveObservers: live });
    for (const name of ['ResizeObserver', 'MutationObserver', 'IntersectionObserver'] as const) {
      const Original = window[name] as unknown as {
        prototype: { observe: () => void; disconnect: () => void };
      };
      const { observe, disconnect } = Original.prototype;
      Original.prototype.observe = function (this: object, ...args: unknown[]) {
        live.add(this);
        return (observe as (...a: unknown[]) => void).apply(this, args);
      };
      Original.prototype.disconnect = function (this: object) {
        live.delete(this);
        return disconnect.apply(this);
      };
    }
  });
  return () =>
    page.evaluate(() => (window as unknown as { __liveObservers: Set<object> }).__liveObservers.size);
}

/** Live instances of a custom element class after garbage collection (DevTools `queryObjects`). */
async function liveInstances(client: CDPSession, tag: string): Promise<number> {
  await client.send('HeapProfiler.collectGarbage');
  const { result: prototype } = await client.send('Runtime.evaluate', {
    expression: `customElements.get('${tag}')?.prototype ?? Object.create(null)`,
  });
  const { objects } = await client.send('Runtime.queryObjects', {
    prototypeObjectId: prototype.objectId ?? '',
  });
  const { result } = await client.send('Runtime.callFunctionOn', {
    objectId: objects.objectId ?? '',
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await client.send('Runtime.releaseObject', { objectId: objects.objectId ?? '' });
  await client.send('Runtime.releaseObject', { objectId: prototype.objectId ?? '' });
  return result.value as number;
}

async function heapAfterGc(client: CDPSession): Promise<number> {
  await client.send('HeapProfiler.collectGarbage');
  await client.send('HeapProfiler.collectGarbage');
  return (await client.send('Runtime.getHeapUsage')).usedSize;
}

/** Mounts and removes a configured widget `times` times, each time after it rendered its buttons. */
async function cycle(page: Page, times: number) {
  await page.evaluate(async (count) => {
    const host = document.getElementById('host');
    for (let i = 0; i < count; i += 1) {
      const element = document.createElement('messenger-optin') as HTMLElement & {
        updateComplete: Promise<unknown>;
      };
      element.setAttribute('company', 'Firma');
      element.setAttribute('purpose', 'News');
      element.setAttribute('privacy-policy', 'https://firma.example/privacy');
      element.setAttribute(
        'channels',
        '[{"type":"whatsapp","phone":"+49 170 1234567"},{"type":"signal","phone":"+49 170 7654321"}]',
      );
      element.setAttribute('layout', i % 2 ? 'floating' : 'inline');
      host?.append(element);
      await element.updateComplete;
      // Every other floating widget is removed with its panel open (its outside-click listener on).
      if (i % 4 === 1) {
        element.shadowRoot?.querySelector<HTMLElement>('.launcher')?.click();
        await element.updateComplete;
      }
      element.remove();
    }
  }, times);
}

test('mounting and removing the element 1,000 times leaks no listener, observer or memory', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const liveObservers = await countObservers(page);
  await page.goto('/e2e/fixtures/widget/empty.html');
  await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined);
  const client = await page.context().newCDPSession(page);

  await cycle(page, 100); // warm-up: lazy chunks loaded, template caches filled
  const listeners = await globalListeners(client);
  const observers = await liveObservers();
  const heap = await heapAfterGc(client);

  await cycle(page, 1_000);
  expect(await page.locator('messenger-optin').count()).toBe(0);
  expect(await globalListeners(client)).toEqual(listeners);
  expect(await liveObservers()).toBe(observers);
  // No removed element is kept alive by anything (a listener, a timer, a promise, a cache).
  expect(await liveInstances(client, 'messenger-optin')).toBe(0);
  // About 1 KB per widget would show a leak of 1 MB; allow for the engine's own noise.
  expect((await heapAfterGc(client)) - heap).toBeLessThan(1024 * 1024);
});

test('removing the element while its notice is open releases the dialog, its positioning and listeners', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const liveObservers = await countObservers(page);
  await page.goto('/e2e/fixtures/widget/empty.html');
  await page.waitForFunction(() => customElements.get('messenger-optin') !== undefined);
  const client = await page.context().newCDPSession(page);
  const listeners = await globalListeners(client);
  const observers = await liveObservers();

  for (let i = 0; i < 15; i += 1) {
    await page.evaluate(() => {
      const element = document.createElement('messenger-optin');
      element.setAttribute('company', 'Firma');
      element.setAttribute('purpose', 'News');
      element.setAttribute('privacy-policy', 'https://firma.example/privacy');
      element.setAttribute('channels', '[{"type":"whatsapp","phone":"+49 170 1234567"}]');
      document.getElementById('host')?.append(element);
    });
    await page.getByRole('button', { name: /WhatsApp/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.locator('messenger-optin').evaluate((element) => element.remove());
  }
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(await globalListeners(client)).toEqual(listeners);
  expect(await liveObservers()).toBe(observers);
  expect(await liveInstances(client, 'messenger-optin')).toBe(0);
  expect(await liveInstances(client, 'messenger-optin-notice')).toBe(0);
});
