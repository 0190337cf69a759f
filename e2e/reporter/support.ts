// Helpers for the reporter's browser tests: a bucket of the counting endpoint per test, the test
// page, and the page's errors (every test asserts there were none).
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import type { Bucket, ScriptedAnswer } from '../support/test-server.js';

export interface Stats {
  unique: number;
  duplicates: number;
  requests: Bucket['requests'];
  eventIds: string[];
  rejected: Bucket['rejected'];
}

export function bucketFor(testInfo: TestInfo): string {
  return `reporter-${testInfo.testId}-${testInfo.repeatEachIndex}-${testInfo.retry}-${Date.now()}`;
}

export async function stats(request: APIRequestContext, bucket: string): Promise<Stats> {
  return (await (await request.get(`/collect/${bucket}/stats`)).json()) as Stats;
}

export async function script(request: APIRequestContext, bucket: string, answers: ScriptedAnswer[]) {
  expect((await request.post(`/collect/${bucket}/script`, { data: answers })).ok()).toBe(true);
}

/** Waits until the server holds `count` unique events (polling the stats, no fixed sleep). */
export async function expectUnique(
  request: APIRequestContext,
  bucket: string,
  count: number,
  timeout = 15_000,
) {
  await expect.poll(async () => (await stats(request, bucket)).unique, { timeout }).toBe(count);
  const result = await stats(request, bucket);
  // Every event the tests record is one the real receiver accepts (the endpoint checks like it).
  expect(result.rejected).toEqual([]);
  return result;
}

export function pageUrl(bucket: string, params: Record<string, string | number> = {}) {
  const query = new URLSearchParams({
    bucket,
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  });
  return `/e2e/fixtures/reporter/index.html?${query}`;
}

/** Collects uncaught exceptions of every page of the context. */
export function watchErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

export async function openReporter(page: Page, bucket: string, params: Record<string, string | number> = {}) {
  await page.goto(pageUrl(bucket, params));
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
}

type Kind =
  | 'consent_given'
  | 'notice_shown'
  | 'notice_dismissed'
  | 'link_opened'
  | 'withdrawal_requested'
  | 'widget_shown';

/** Records events in the page (in one task) and returns their eventIds. */
export function record(page: Page, types: Kind[], extra: Record<string, unknown> = {}): Promise<string[]> {
  return page.evaluate(
    ({ types, extra }) =>
      types.map((type) =>
        (window as unknown as { record: (t: string, e: object) => string }).record(type, extra),
      ),
    { types, extra },
  );
}

export function drops(page: Page): Promise<Array<{ reason: string; ids: string[] }>> {
  return page.evaluate(
    () => (window as unknown as { drops: Array<{ reason: string; ids: string[] }> }).drops,
  );
}

export function issues(page: Page): Promise<Array<{ code: string; message: string }>> {
  return page.evaluate(
    () => (window as unknown as { issues: Array<{ code: string; message: string }> }).issues,
  );
}

/** The events waiting in the page's IndexedDB outbox (0 if the database does not exist). */
export function outboxCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((database) => database.name);
    if (!names.includes('messenger-optin-outbox')) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('messenger-optin-outbox');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return count;
  });
}
