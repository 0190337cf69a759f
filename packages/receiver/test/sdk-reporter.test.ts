import { createConsentReporter } from '@messenger-optin/sdk';
import type { ConsentEvent } from '@messenger-optin/sdk/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { NOTICE_SHA, NOTICE_TEXT, SITE } from './events.js';
import { storeKinds } from './stores.js';

// The SDK's reporter against this receiver's own answers, in process: what the two agree on is
// tested here, not against a test server that accepts anything.
const pglite = storeKinds[0]!;

/** The page's request as the browser sends it: with the page's Origin. */
function fromPage(url: string | URL | Request, init?: RequestInit): Request {
  const headers = new Headers(init?.headers);
  headers.set('origin', SITE);
  return new Request(url, { ...init, headers });
}

describe('the SDK reporter against the receiver', () => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;

  beforeAll(async () => {
    store = await pglite.open();
    app = createReceiver({ store, allowedOrigins: [SITE], logger: false, rateLimit: false });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('reports the event the receiver refuses in a 200 answer and delivers the other', async () => {
    const drops: Array<{ events: ConsentEvent[]; reason: string }> = [];
    const reporter = createConsentReporter({
      endpoint: 'https://receiver.example/v1/events',
      storage: 'memory',
      widgetVersion: '0.1.0',
      fetch: (url, init) => Promise.resolve(app.fetch(fromPage(url, init))),
      onDrop: (events, reason) => drops.push({ events, reason }),
    });
    const consentId = '7b0a8a5e-8f1e-4c39-9d7c-3f1f6a0c2b11';
    const notice = { id: 'whatsapp.en.v1', locale: 'en', version: '1', sha256: NOTICE_SHA };
    // Too long a path: the schema refuses it, the reporter does not check (no zod in the page).
    const refused = reporter.record({
      type: 'notice_shown',
      consentId,
      channel: 'whatsapp',
      notice: { ...notice, text: NOTICE_TEXT },
      page: { origin: SITE, path: `/${'a'.repeat(2_000)}` },
    });
    const delivered = reporter.record({
      type: 'consent_given',
      consentId,
      channel: 'whatsapp',
      ref: 'K7Q2',
      message: 'Start News Firma K7Q2',
      notice,
      action: 'button',
      page: { origin: SITE, path: '/news' },
    });
    expect(await reporter.flush(5_000)).toBe(true);
    reporter.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(drops.map(({ events, reason }) => [events.map((event) => event.eventId), reason])).toEqual([
      [[refused], 'rejected'],
    ]);
    const { rows } = await store.client.query<{ id: string }>(
      'SELECT entry_id::text AS id FROM entries WHERE consent_id = $1',
      [consentId],
    );
    expect(rows.map((row) => row.id)).toEqual([delivered]);
  });
});
