import { test as base } from '@playwright/test';
import { type RunningDemo, startDemo } from './demo-process.js';

/**
 * One demo process per Playwright worker, shared by the demo specs: starting the embedded database
 * is the slow part (seconds on an idle machine, a minute on a loaded one), so it is done once.
 * Tests create their own consents and look only at those, so sharing is safe.
 */
export const test = base.extend<object, { demo: RunningDemo }>({
  demo: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const demo = await startDemo({ timeoutMs: 170_000 });
      await use(demo);
      await demo.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

export { expect } from '@playwright/test';
