import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ReceiverProcess, freePort } from './receiver-process.js';

// Scenario 9 (docs/consent-records.md#failure-scenarios-the-tests-cover): the receiver is killed mid-batch and restarted; every event the
// page recorded is stored exactly once. Bounded: 240 events, one crash, well under a minute.
const TOTAL = 240;
const PER_TICK = 8;

test('receiver SIGKILLed mid-stream and restarted: every event stored exactly once', async ({
  page,
  baseURL,
}) => {
  // Generous: the embedded database's first start takes seconds on an idle machine, a minute or
  // more on a loaded CI box. The stream itself is bounded by TOTAL.
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'optin-crash-'));
  const receiver = new ReceiverProcess({
    port: await freePort(),
    dataDir,
    adminToken: `crash-${randomBytes(24).toString('base64url')}`,
    allowedOrigin: new URL(baseURL ?? 'http://127.0.0.1:4173').origin,
  });
  try {
    await receiver.start(170_000);

    // The crash, in the worst place: the 4th batch reaches the receiver and is committed, then the
    // process is SIGKILLed before its answer reaches the page (the page sees a reset connection).
    // Batches sent while it is down fail. The page must resend all of them; the receiver must keep
    // the committed one once.
    let posts = 0;
    let killed: Promise<void> | undefined;
    let committedBeforeCrash = 0;
    await page.route(`${receiver.url}/v1/events`, async (route) => {
      posts += 1;
      if (posts !== 4) return route.continue();
      const answer = await route.fetch();
      committedBeforeCrash = ((await answer.json()) as { accepted: number }).accepted;
      killed = receiver.kill();
      await killed;
      await route.abort('connectionreset');
    });

    // What the receiver answered, for the report: duplicates > 0 means a batch was committed but its
    // answer died with the process, and the retry was deduped.
    const answered = { accepted: 0, duplicates: 0, failed: 0 };
    page.on('requestfinished', async (request) => {
      if (request.method() !== 'POST' || !request.url().startsWith(`${receiver.url}/v1/events`)) return;
      const body = (await (await request.response())?.json().catch(() => undefined)) as
        { accepted?: number; duplicates?: number } | undefined;
      answered.accepted += body?.accepted ?? 0;
      answered.duplicates += body?.duplicates ?? 0;
    });
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(`${receiver.url}/v1/events`)) answered.failed += 1;
    });

    await page.goto('/e2e/receiver-crash/stream.html');
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await page.evaluate((endpoint) => window.stream.start(endpoint), `${receiver.url}/v1/events`);

    // The stream: PER_TICK events every 50 ms, while the receiver goes down and comes back.
    let restarted = false;
    for (let recorded = 0; recorded < TOTAL; recorded += PER_TICK) {
      await page.evaluate((count) => window.stream.record(count), PER_TICK);
      if (killed && !restarted) {
        await killed;
        // Events keep being recorded while it is down (they wait in the outbox) …
        await page.evaluate((count) => window.stream.record(count), PER_TICK);
        recorded += PER_TICK;
        // … and it comes back on the same port with the same database.
        await receiver.start(170_000);
        restarted = true;
      }
      // The stream's pace (its load shape), not a wait for something to happen.
      await page.waitForTimeout(50);
    }
    expect(restarted, 'the receiver was killed during the stream').toBe(true);

    const recordedIds = await page.evaluate(() => window.stream.recorded());
    expect(recordedIds).toHaveLength(TOTAL);
    expect(await page.evaluate((ms) => window.stream.flush(ms), 30_000)).toBe(true);
    expect(await page.evaluate(() => window.stream.drops())).toEqual([]);

    // Exactly once: the export holds every recorded eventId, and no row twice.
    const entries = (await receiver.exportEntries()).filter((entry) => entry.kind === 'event');
    const storedIds = entries.map((entry) => entry.record.eventId ?? entry.entryId);
    expect(storedIds).toHaveLength(TOTAL);
    expect(new Set(storedIds).size).toBe(TOTAL);
    expect(new Set(storedIds)).toEqual(new Set(recordedIds));
    expect(answered.failed, 'some sends failed while the receiver was down').toBeGreaterThan(0);
    expect(committedBeforeCrash, 'the batch whose answer was lost had been stored').toBeGreaterThan(0);
    // The answers are read by an async listener that may still be parsing the last one.
    await expect
      .poll(() => answered.duplicates, { message: 'its resend was recognised as a duplicate' })
      .toBeGreaterThanOrEqual(committedBeforeCrash);
    test.info().annotations.push({
      type: 'delivery',
      description: `${posts} POSTs, ${answered.failed} failed while down, ${committedBeforeCrash} stored with the answer lost, ${answered.accepted} accepted, ${answered.duplicates} duplicates deduped`,
    });
  } finally {
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

declare global {
  interface Window {
    stream: {
      start(endpoint: string): void;
      record(count: number): string[];
      flush(timeoutMs: number): Promise<boolean>;
      recorded(): string[];
      drops(): Array<{ reason: string; count: number }>;
    };
  }
}
