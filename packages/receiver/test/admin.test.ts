import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { SqlStore } from '../src/store/sql-store.js';
import type { ProofBundle } from '../src/store/types.js';
import { NOTICE_SHA, NOTICE_TEXT, SITE, makeEvent, makeFlow, post } from './events.js';
import { storeKinds } from './stores.js';

const TOKEN = 'test-admin-token-0123456789-abcdefghij';
const admin = { authorization: `Bearer ${TOKEN}` };

describe.each(storeKinds)('admin API on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  const ingest = (body: unknown) => app.request('/v1/events', post(body, { origin: SITE }));
  const bundleOf = async (consentId: unknown) =>
    (await (
      await app.request(`/v1/consents/${String(consentId)}`, { headers: admin })
    ).json()) as ProofBundle;

  beforeAll(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    app = createReceiver({
      store,
      allowedOrigins: [SITE],
      adminToken: TOKEN,
      logger: false,
      rateLimit: false,
    });
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)(
    'answers 401 without a token and 403 with a wrong one, on every admin route',
    async () => {
      const id = randomUUID();
      const routes: Array<[string, string]> = [
        ['GET', `/v1/consents/${id}`],
        ['GET', `/v1/consents?ref=K7Q2X9&site=${SITE}&channel=whatsapp`],
        ['POST', `/v1/consents/${id}/confirm`],
        ['DELETE', `/v1/consents/${id}`],
        ['GET', '/v1/export?format=csv'],
      ];
      for (const [method, path] of routes) {
        const missing = await app.request(path, { method });
        expect(missing.status, `${method} ${path}`).toBe(401);
        expect(missing.headers.get('www-authenticate')).toContain('Bearer');
        const wrong = await app.request(path, { method, headers: { authorization: `Bearer ${TOKEN}x` } });
        expect(wrong.status, `${method} ${path}`).toBe(403);
      }
    },
  );

  it.skipIf(kind.skipReason)('refuses every token when the receiver has none configured', async () => {
    const open = createReceiver({ store, logger: false });
    expect((await open.request('/v1/export', { headers: admin })).status).toBe(403);
  });

  it.skipIf(kind.skipReason)(
    'returns the proof bundle: events, archived notice text, chain check',
    async () => {
      const flow = makeFlow();
      await ingest(flow);
      const bundle = await bundleOf(flow[0]?.consentId);
      expect(bundle.events.map((entry) => entry.record['type'])).toEqual([
        'notice_shown',
        'consent_given',
        'link_opened',
      ]);
      expect(bundle.events[1]?.record).toMatchObject({
        eventId: flow[1]?.eventId,
        message: 'Start News Firma K7Q2',
        ref: 'K7Q2',
        notice: { sha256: NOTICE_SHA },
      });
      expect(bundle.notices).toEqual([expect.objectContaining({ sha256: NOTICE_SHA, text: NOTICE_TEXT })]);
      expect(bundle.chain).toEqual({ ok: true, checked: 3, broken: [] });
      expect(bundle.erasure).toBeNull();
    },
  );

  it.skipIf(kind.skipReason)('answers 404 for an unknown consent and 400 for a malformed id', async () => {
    expect((await app.request(`/v1/consents/${randomUUID()}`, { headers: admin })).status).toBe(404);
    expect((await app.request('/v1/consents/1%27%20OR%201=1', { headers: admin })).status).toBe(400);
  });

  const lookup = async (ref: string, site = SITE, channel = 'whatsapp') =>
    (await (
      await app.request(`/v1/consents?ref=${ref}&site=${encodeURIComponent(site)}&channel=${channel}`, {
        headers: admin,
      })
    ).json()) as {
      ambiguous: boolean;
      consents: Array<{ consentId: string; types: string[]; site: string; ambiguous: boolean }>;
    };

  it.skipIf(kind.skipReason)('finds consents by reference code within one site and channel', async () => {
    const flow = makeFlow({ ref: 'ZX81QA', message: 'Start News Firma ZX81QA' });
    await ingest(flow);
    const answer = await lookup('zx81qa');
    expect(answer.ambiguous).toBe(false);
    expect(answer.consents).toEqual([
      expect.objectContaining({
        consentId: flow[0]?.consentId,
        site: SITE,
        ambiguous: false,
        types: ['consent_given', 'link_opened', 'notice_shown'],
      }),
    ]);
    // Another channel or another site never sees it.
    expect((await lookup('ZX81QA', SITE, 'telegram')).consents).toEqual([]);
    expect((await lookup('ZX81QA', 'https://other.example')).consents).toEqual([]);
    expect((await app.request('/v1/consents?ref=%27--', { headers: admin })).status).toBe(400);
    // Without the scope the lookup is refused, not run across every site.
    const unscoped = await app.request('/v1/consents?ref=ZX81QA', { headers: admin });
    expect(unscoped.status).toBe(400);
    expect(await unscoped.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it.skipIf(kind.skipReason)(
    'flags two pending consents with one code as ambiguous, and guesses neither',
    async () => {
      const first = makeFlow({ ref: 'C0LL1D', message: 'Start News Firma C0LL1D' });
      const second = makeFlow({ ref: 'C0LL1D', message: 'Start News Firma C0LL1D' });
      const elsewhere = makeFlow({ ref: 'C0LL1D', message: 'Start News Firma C0LL1D', channel: 'telegram' });
      await ingest([...first, ...second, ...elsewhere]);
      const answer = await lookup('C0LL1D');
      expect(answer.ambiguous).toBe(true);
      // Both flagged; the order of two consents stored in one batch is not part of the contract.
      expect(answer.consents.map((each) => [each.consentId, each.ambiguous]).sort()).toEqual(
        [
          [first[0]?.consentId, true],
          [second[0]?.consentId, true],
        ].sort(),
      );
      // The telegram consent with the same code is alone in its scope.
      expect(await lookup('C0LL1D', SITE, 'telegram')).toMatchObject({ ambiguous: false });
    },
  );

  it.skipIf(kind.skipReason)(
    'records the double opt-in confirmation once and says whether the ref matches',
    async () => {
      const flow = makeFlow();
      await ingest(flow);
      const consentId = String(flow[0]?.consentId);
      const confirmationId = randomUUID();
      const confirm = (message: string) =>
        app.request(`/v1/consents/${consentId}/confirm`, {
          method: 'POST',
          headers: { ...admin, 'content-type': 'application/json' },
          body: JSON.stringify({
            message,
            channel: 'whatsapp',
            receivedAt: '2026-11-28T01:05:00.000Z',
            confirmationId,
          }),
        });
      const first = await confirm('Start News Firma K7Q2');
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ confirmationId, refMatches: true, duplicate: false });
      const retried = await confirm('Start News Firma K7Q2');
      expect(retried.status).toBe(200);
      expect(await retried.json()).toMatchObject({ duplicate: true });

      const bundle = await bundleOf(consentId);
      expect(bundle.confirmations).toHaveLength(1);
      expect(bundle.confirmations[0]?.record).toMatchObject({
        message: 'Start News Firma K7Q2',
        refMatches: true,
      });
      expect(bundle.chain.ok).toBe(true);

      const unknown = await app.request(`/v1/consents/${randomUUID()}/confirm`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ message: 'Start' }),
      });
      expect(unknown.status).toBe(404);
    },
  );

  it.skipIf(kind.skipReason)('erases message and ref but keeps the chain verifiable', async () => {
    const flow = makeFlow({ ref: 'ER4SE', message: 'Start News Firma ER4SE' });
    await ingest(flow);
    const consentId = String(flow[0]?.consentId);
    await app.request(`/v1/consents/${consentId}/confirm`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ message: 'Start News Firma ER4SE' }),
    });

    const erased = await app.request(`/v1/consents/${consentId}`, { method: 'DELETE', headers: admin });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ consentId, erasedEntries: 4, alreadyErased: false });

    const bundle = await bundleOf(consentId);
    for (const entry of [...bundle.events, ...bundle.confirmations]) {
      expect(entry.redacted).toBe(true);
      expect(entry.record).not.toHaveProperty('message');
      expect(entry.record).not.toHaveProperty('ref');
    }
    expect(bundle.erasure).not.toBeNull();
    expect(bundle.chain.ok).toBe(true);
    expect((await store.verify()).ok).toBe(true);
    const { rows } = await store.client.query('SELECT 1 FROM personal_data WHERE consent_id = $1', [
      consentId,
    ]);
    expect(rows).toHaveLength(0);
    expect((await lookup('ER4SE')).consents).toEqual([]);

    // A late retry of an erased consent's event is stored without its personal content.
    const late = makeEvent({
      consentId,
      type: 'link_opened',
      ref: 'ER4SE',
      message: 'Start News Firma ER4SE',
    });
    expect(await (await ingest([late])).json()).toMatchObject({ accepted: 1 });
    expect((await bundleOf(consentId)).events.at(-1)?.record).not.toHaveProperty('message');

    const again = await app.request(`/v1/consents/${consentId}`, { method: 'DELETE', headers: admin });
    expect(await again.json()).toMatchObject({ erasedEntries: 0, alreadyErased: true });
    const confirmAfter = await app.request(`/v1/consents/${consentId}/confirm`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ message: 'Start News Firma ER4SE' }),
    });
    expect(confirmAfter.status).toBe(409);
  });

  it.skipIf(kind.skipReason)('exports CSV with RFC 4180 quoting and no live formulas', async () => {
    const tricky = makeEvent({
      message: 'Start "News", Firma\nK7Q2',
      purpose: '=HYPERLINK("http://evil.example","click")',
      page: { origin: SITE, path: '/a,b' },
    });
    const minus = makeEvent({ purpose: '-2+3', message: '@SUM(A1)' });
    await ingest([tricky, minus]);
    const response = await app.request('/v1/export?format=csv', { headers: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await response.text();
    const header = csv.slice(0, csv.indexOf('\r\n')).split(',');
    expect(header).toContain('message');
    expect(csv).toContain('"Start ""News"", Firma\nK7Q2"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(",'-2+3,");
    expect(csv).toContain(",'@SUM(A1),");
    expect(csv).toContain(',"/a,b",');
    expect(csv).not.toMatch(/(^|,)([=+@]|-[^0-9])/m);
  });

  it.skipIf(kind.skipReason)(
    'exports JSON with every entry and answers 400 to an unknown format',
    async () => {
      const response = await app.request('/v1/export?format=json', { headers: admin });
      const entries = (await response.json()) as Array<{ hash: string; prevHash: string }>;
      expect(entries.length).toBeGreaterThan(10);
      expect(entries.every((entry) => /^[0-9a-f]{64}$/.test(entry.hash))).toBe(true);
      expect((await app.request('/v1/export?format=xml', { headers: admin })).status).toBe(400);
    },
  );

  it.skipIf(kind.skipReason)('reports health from the database', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

describe('GET /healthz', () => {
  it('answers 503 when the database does not answer', async () => {
    const store = await storeKinds[0]!.open();
    const app = createReceiver({ store, logger: false });
    await store.close();
    expect((await app.request('/healthz')).status).toBe(503);
  });
});
