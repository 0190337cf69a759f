// Abuse requests against the receiver, each one a way it was flooded or forged before
// (docs/receiver-security.md). Every case stores nothing it should not and answers small.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { RateLimitOptions } from '../src/http/rate-limit.js';
import { openStore } from '../src/store/open.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { SITE, makeEvent, makeFlow, post } from './events.js';
import { storeKinds } from './stores.js';

const INGEST_TOKEN = 'ingest-token-for-tests-0123456789abcdef';
const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef';
const VICTIM = 'https://victim.example';

describe('a receiver that cannot be flooded or forged', () => {
  let store: SqlStore;
  beforeAll(async () => {
    store = await storeKinds[0]!.open();
  });
  afterAll(async () => {
    await store?.close();
  });
  const stored = async (consentId: unknown) =>
    (
      await store.client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM entries WHERE consent_id = $1',
        [consentId],
      )
    ).rows[0]?.n;

  describe('amplification', () => {
    const app = () => createReceiver({ store, logger: false, rateLimit: false });

    it('refuses a body over 72 KiB unread, with a small answer', async () => {
      const body = `[${Array(512 * 1024)
        .fill('0')
        .join(',')}]`;
      const response = await app().request('/v1/events', post(body));
      expect(response.status).toBe(413);
      expect((await response.text()).length).toBeLessThan(200);
    });

    it('refuses more than 50 items before looking at any', async () => {
      const body = `[${Array(30_000).fill('0').join(',')}]`;
      const response = await app().request('/v1/events', post(body));
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text.length).toBeLessThan(300);
      expect(JSON.parse(text)).toMatchObject({
        error: 'too_many_events',
        issues: [{ message: 'the batch has 30000 events; send at most 50 per request' }],
      });
    });

    it('reports at most 50 issues for 50 empty items, and 10 per item', async () => {
      const response = await app().request('/v1/events', post(Array(50).fill({})));
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        issues: unknown[];
        rejected: Array<{ issues: unknown[] }>;
      };
      expect(body.issues.length).toBeLessThanOrEqual(50);
      expect(body.rejected).toHaveLength(50);
      for (const item of body.rejected) expect(item.issues.length).toBeLessThanOrEqual(10);
      expect(JSON.stringify(body).length).toBeLessThan(64 * 1024);
    });

    it('still takes the largest event the SDK can send alone (a 20,000-character notice in 3-byte UTF-8)', async () => {
      const text = '€'.repeat(20_000);
      const { createHash } = await import('node:crypto');
      const sha256 = createHash('sha256').update(text).digest('hex');
      const [shown] = makeFlow();
      const event = {
        ...shown,
        // Another 3-byte character: the archived text must not contain the visitor's message.
        message: '₤'.repeat(1_000),
        purpose: '€'.repeat(200),
        page: { origin: SITE, path: `/${'a'.repeat(1_999)}` },
        notice: { id: 'n'.repeat(100), locale: 'en', version: 'v'.repeat(40), sha256, text },
      };
      const response = await app().request('/v1/events', post([event]));
      expect(response.status, await response.clone().text()).toBe(200);
    });
  });

  describe('origins', () => {
    const guarded = () =>
      createReceiver({
        store,
        allowedOrigins: [SITE],
        ingestToken: INGEST_TOKEN,
        logger: false,
        rateLimit: false,
      });

    it('refuses a request without Origin and without the ingest token once there is an allowlist', async () => {
      const event = makeEvent({ page: { origin: VICTIM, path: '/' } });
      const response = await guarded().request('/v1/events', post([event]));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'ingest_token_required' });
      expect(await stored(event['consentId'])).toBe(0);
      // Without a token configured at all, such senders are refused too.
      const noToken = createReceiver({ store, allowedOrigins: [SITE], logger: false, rateLimit: false });
      expect((await noToken.request('/v1/events', post([event]))).status).toBe(401);
      expect((await noToken.request('/v1/events', post([makeEvent()]))).status).toBe(401);
      expect(await stored(event['consentId'])).toBe(0);
    });

    it('keeps a sender with the ingest token to the allowed sites', async () => {
      const app = guarded();
      const forged = makeEvent({ page: { origin: VICTIM, path: '/' } });
      const own = makeEvent();
      const auth = { authorization: `Bearer ${INGEST_TOKEN}` };
      const response = await app.request('/v1/events', post([forged, own], auth));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        accepted: 1,
        rejected: [{ index: 0, issues: [{ path: ['page', 'origin'] }] }],
      });
      expect(await stored(forged['consentId'])).toBe(0);
      expect(await stored(own['consentId'])).toBe(1);
      const wrong = await app.request('/v1/events', post([makeEvent()], { authorization: 'Bearer nope' }));
      expect(wrong.status).toBe(403);
    });

    it('refuses tokens shorter than 32 bytes at start', () => {
      expect(() => createReceiver({ store, adminToken: 'short', logger: false })).toThrow(
        'the admin token is shorter than 32 bytes',
      );
      expect(() => createReceiver({ store, ingestToken: 'short', logger: false })).toThrow(
        'the ingest token is shorter than 32 bytes',
      );
    });

    it('answers no CORS preflight on admin routes, and CORS only on /v1/events', async () => {
      const app = createReceiver({ store, allowedOrigins: [SITE], adminToken: ADMIN_TOKEN, logger: false });
      const preflight = (path: string) =>
        app.request(path, {
          method: 'OPTIONS',
          headers: { origin: SITE, 'access-control-request-method': 'DELETE' },
        });
      const admin = await preflight('/v1/consents/7b0a8a5e-8f1e-4c39-9d7c-3f1f6a0c2b11');
      expect(admin.headers.get('access-control-allow-origin')).toBeNull();
      expect(admin.headers.get('access-control-allow-methods')).toBeNull();
      const events = await preflight('/v1/events');
      expect(events.headers.get('access-control-allow-origin')).toBe(SITE);
      const exported = await app.request('/v1/export', {
        headers: { origin: SITE, authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(exported.status).toBe(200);
      expect(exported.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('rate limits', () => {
    const limited = (options: RateLimitOptions) =>
      createReceiver({
        store,
        allowedOrigins: '*',
        logger: false,
        rateLimit: options,
        now: () => new Date('2026-11-28T02:00:00.000Z'),
        getClientKey: (request) => request.headers.get('x-test-address') ?? undefined,
      });
    const from = (address: string, origin: string, events = [makeEvent({ page: { origin, path: '/' } })]) =>
      post(events, { origin, 'x-test-address': address });

    it('keys on the address: rotating Origin does not give a fresh bucket', async () => {
      const app = limited({ capacity: 2, refillPerSecond: 0.01 });
      const origins = ['https://a.example', 'https://b.example', 'https://c.example'];
      const statuses = [];
      for (const origin of origins)
        statuses.push((await app.request('/v1/events', from('198.51.100.7', origin))).status);
      expect(statuses).toEqual([200, 200, 429]);
    });

    it('puts an IPv6 /64 in one bucket', async () => {
      const app = limited({ capacity: 2, refillPerSecond: 0.01 });
      const statuses = [];
      for (const address of ['2001:db8:1:2::1', '2001:db8:1:2:ffff::9', '2001:db8:1:2:abcd:1:2:3'])
        statuses.push((await app.request('/v1/events', from(address, SITE))).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect((await app.request('/v1/events', from('2001:db8:1:3::1', SITE))).status).toBe(200);
    });

    it('counts events and bytes, not only requests', async () => {
      const app = limited({
        capacity: 100,
        refillPerSecond: 1,
        events: { capacity: 60, refillPerSecond: 1 },
      });
      const batch = () => Array.from({ length: 40 }, () => makeEvent());
      expect((await app.request('/v1/events', from('198.51.100.8', SITE, batch()))).status).toBe(200);
      const refused = await app.request('/v1/events', from('198.51.100.8', SITE, batch()));
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('20');
      const bytes = limited({
        capacity: 100,
        refillPerSecond: 1,
        bytes: { capacity: 4_000, refillPerSecond: 100 },
      });
      expect((await bytes.request('/v1/events', from('198.51.100.9', SITE, [makeEvent()]))).status).toBe(200);
      expect((await bytes.request('/v1/events', from('198.51.100.9', SITE, batch()))).status).toBe(429);
    });

    it('refuses a limit that blocks everyone or never refills', () => {
      expect(() => limited({ capacity: 0, refillPerSecond: 2 })).toThrow('at least 1');
      expect(() => limited({ capacity: 1, refillPerSecond: 0 })).toThrow('above 0');
    });
  });

  describe('confirmations', () => {
    it('refuses a lone surrogate in the message, which would be stored as U+FFFD and break the chain', async () => {
      const app = createReceiver({ store, adminToken: ADMIN_TOKEN, logger: false, rateLimit: false });
      const flow = makeFlow();
      await app.request('/v1/events', post(flow));
      const response = await app.request(`/v1/consents/${String(flow[0]!['consentId'])}/confirm`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: '{"message":"Start News Firma K7Q2 \\ud800"}',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        issues: [{ path: ['message'], message: 'is not well-formed Unicode' }],
      });
      expect((await store.verify()).ok).toBe(true);
    });
  });
});

describe('the PGlite folder', () => {
  it('refuses a second opener with a clear message, and opens again once the first closed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'receiver-lock-test-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    try {
      const first = await openStore({ dataDir });
      await expect(openStore({ dataDir })).rejects.toThrow(
        `the data directory ${dataDir} is in use by process ${process.pid}`,
      );
      await first.close();
      const again = await openStore({ dataDir });
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
