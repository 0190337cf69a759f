// Scenario 8 of docs/consent-records.md#failure-scenarios-the-tests-cover: two tabs share one outbox; one sends at a time.
import { expect, test } from '@playwright/test';
import {
  bucketFor,
  expectUnique,
  openReporter,
  outboxCount,
  record,
  script,
  watchErrors,
} from './support.js';

// The machine running these is shared and often loaded: generous timeouts, exact assertions.
test.describe.configure({ timeout: 120_000 });

// `exclusive`: whether the setup can promise that no event is on the wire twice. Web Locks can. The
// localStorage lease (browsers without Web Locks) cannot: two tabs can both read a free lease
// before either write lands (seen once in 20 runs), so there the test asserts the contract of
// docs/consent-records.md (none lost, each stored once, the endpoint keeps the first copy) and
// counts the copies.
const setups = [
  { name: 'Web Locks and BroadcastChannel', remove: [], exclusive: true },
  // Each safeguard must hold on its own: the lock without the channel's in-flight notices,
  // and the localStorage lease where Web Locks are missing too.
  { name: 'Web Locks alone (no BroadcastChannel)', remove: ['BroadcastChannel'], exclusive: true },
  {
    name: 'the localStorage lease alone (no Web Locks, no BroadcastChannel)',
    remove: ['BroadcastChannel', 'locks'],
    exclusive: false,
  },
];

for (const setup of setups) {
  test(`8: two tabs with pending events → none lost, none sent twice; ${setup.name}`, async ({
    context,
    request,
  }, testInfo) => {
    const bucket = bucketFor(testInfo);
    await context.addInitScript((remove: string[]) => {
      if (remove.includes('BroadcastChannel'))
        delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
      if (remove.includes('locks'))
        Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined });
    }, setup.remove);
    const first = await context.newPage();
    const second = await context.newPage();
    const errors = [watchErrors(first), watchErrors(second)];

    // The endpoint is down at first, then slow: both tabs hold pending events in the shared outbox
    // and both try to send them while requests are in flight.
    await script(request, bucket, [
      { status: 503 },
      { status: 503 },
      ...Array.from({ length: 30 }, () => ({ status: 200, delayMs: 300 })),
    ]);
    await openReporter(first, bucket, { baseDelayMs: 300 });
    await openReporter(second, bucket, { baseDelayMs: 300 });
    expect(await first.evaluate(() => typeof BroadcastChannel)).toBe(
      setup.remove.length ? 'undefined' : 'function',
    );

    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      const [a, b] = await Promise.all([
        record(first, ['notice_shown', 'consent_given']),
        record(second, ['notice_shown', 'consent_given']),
      ]);
      ids.push(...a, ...b);
    }

    const result = await expectUnique(request, bucket, ids.length);
    expect(result.eventIds.sort()).toEqual(ids.sort());
    testInfo.annotations.push({ type: 'wire-duplicates', description: String(result.duplicates) });
    if (setup.exclusive) {
      expect(result.duplicates).toBe(0);
      // Every event went out in exactly one accepted request.
      const accepted = result.requests.filter((r) => r.status === 200).flatMap((r) => r.ids);
      expect(accepted.sort()).toEqual(ids.sort());
    }
    await expect.poll(() => outboxCount(first)).toBe(0);
    expect(errors.flat()).toEqual([]);
  });
}
