import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { SITE, makeEvent, makeFlow, post } from './events.js';
import { storeKinds } from './stores.js';

describe.each(storeKinds)('hash chain on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  const send = (body: unknown, origin = SITE) => app.request('/v1/events', post(body, { origin }));

  beforeEach(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    app = createReceiver({ store, allowedOrigins: '*', logger: false, rateLimit: false });
  });
  afterEach(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)(
    'links every stored event to the one before it, per site, and verifies',
    async () => {
      await send(makeFlow());
      await send(makeFlow({ page: { origin: 'https://other.example', path: '/' } }), 'https://other.example');
      await send(makeFlow());
      const report = await store.verify();
      expect(report).toMatchObject({
        ok: true,
        sites: [
          { site: 'https://other.example', entries: 3, ok: true },
          { site: SITE, entries: 6, ok: true },
        ],
      });
      const { rows } = await store.client.query<{ seq: string; prev_hash: string; hash: string }>(
        'SELECT seq, prev_hash, hash FROM entries WHERE site = $1 ORDER BY seq',
        [SITE],
      );
      expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
      rows.slice(1).forEach((row, index) => expect(row.prev_hash).toBe(rows[index]?.hash));
    },
  );

  it.skipIf(kind.skipReason)(
    'detects a row changed directly in the database and names the first broken link',
    async () => {
      await send(makeFlow());
      await send(makeFlow());
      await store.client.query(
        `UPDATE entries SET payload = replace(payload, '"action":"button"', '"action":"keyboard"')
       WHERE site = $1 AND seq = 5`,
        [SITE],
      );
      const report = await store.verify();
      expect(report.ok).toBe(false);
      expect(report.sites[0]?.firstBroken).toMatchObject({
        seq: 5,
        reason: expect.stringContaining('record changed'),
      });
    },
  );

  it.skipIf(kind.skipReason)(
    'detects a changed message even though it lives outside the chained payload',
    async () => {
      const flow = makeFlow();
      await send(flow);
      await store.client.query(
        "UPDATE personal_data SET message = 'Start Other Firma K7Q2' WHERE entry_id = $1",
        [flow[1]?.eventId],
      );
      const report = await store.verify();
      expect(report.sites[0]?.firstBroken).toMatchObject({
        seq: 2,
        reason: expect.stringContaining('message or ref'),
      });
      const bundle = await store.getConsent(flow[0]?.consentId as string);
      expect(bundle?.chain.ok).toBe(false);
    },
  );

  it.skipIf(kind.skipReason)('detects removed entries, in the middle and at the end of a chain', async () => {
    await send(makeFlow());
    await store.client.query(
      'DELETE FROM personal_data WHERE entry_id IN (SELECT entry_id FROM entries WHERE seq = 3)',
    );
    await store.client.query('DELETE FROM entries WHERE seq = 3');
    expect((await store.verify()).sites[0]?.firstBroken?.reason).toContain('entries removed');

    await send(makeFlow());
    await store.client.query(
      'DELETE FROM personal_data WHERE entry_id IN (SELECT entry_id FROM entries WHERE seq = 2)',
    );
    await store.client.query('DELETE FROM entries WHERE seq = 2');
    expect((await store.verify()).sites[0]?.firstBroken).toMatchObject({
      seq: 4,
      reason: expect.stringContaining('expected seq 2'),
    });
  });

  it.skipIf(kind.skipReason)('keeps one chain under concurrent posts', async () => {
    const batches = Array.from({ length: 24 }, () => [makeEvent(), makeEvent(), makeEvent()]);
    const answers = await Promise.all(batches.map((batch) => send(batch)));
    expect(answers.map((answer) => answer.status)).toEqual(batches.map(() => 200));
    const report = await store.verify();
    expect(report).toMatchObject({ ok: true, sites: [{ site: SITE, entries: 72, ok: true }] });
  });

  it.skipIf(kind.skipReason || !kind.openSibling)(
    'keeps one chain when two receiver processes append to the same site at once',
    async () => {
      const sibling = await kind.openSibling!(store);
      const other = createReceiver({ store: sibling, allowedOrigins: '*', logger: false, rateLimit: false });
      try {
        const batches = Array.from({ length: 30 }, () => [makeEvent(), makeEvent()]);
        const answers = await Promise.all(
          batches.map((batch, index) =>
            (index % 2 ? other : app).request('/v1/events', post(batch, { origin: SITE })),
          ),
        );
        const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as Array<{
          accepted: number;
        }>;
        expect(bodies.reduce((sum, body) => sum + body.accepted, 0)).toBe(60);
        // The same batch resent through both processes at once is stored once.
        const resend = await Promise.all([
          app.request('/v1/events', post(batches[0], { origin: SITE })),
          other.request('/v1/events', post(batches[0], { origin: SITE })),
        ]);
        expect(await Promise.all(resend.map((answer) => answer.json()))).toEqual([
          { accepted: 0, duplicates: 2, rejected: [] },
          { accepted: 0, duplicates: 2, rejected: [] },
        ]);
        expect(await store.verify()).toMatchObject({
          ok: true,
          sites: [{ site: SITE, entries: 60, ok: true }],
        });
      } finally {
        await sibling.close();
      }
    },
  );

  it.skipIf(kind.skipReason)('stores a first event of the same id once when two requests race', async () => {
    const event = makeEvent();
    const answers = await Promise.all([send([event]), send([event]), send([event])]);
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as Array<{
      accepted: number;
      duplicates: number;
    }>;
    expect(bodies.map((body) => body.accepted).sort()).toEqual([0, 0, 1]);
    expect((await store.verify()).ok).toBe(true);
  });
});
