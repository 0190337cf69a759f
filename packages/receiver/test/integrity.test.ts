// What verify finds besides the hash chain, signed heads, and appends racing with verify, erasures
// and each other (docs/receiver-security.md#verify).
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import { canonicalJson, entryHash } from '../src/chain.js';
import { generateSigningKey, parsePublicKey, parseSigningKey } from '../src/signing.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { NOTICE_SHA, SITE, makeEvent, makeFlow, post } from './events.js';
import { databaseUrlOf, storeKinds } from './stores.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef';

describe.each(storeKinds)('verify on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  const send = (body: unknown) => app.request('/v1/events', post(body, { origin: SITE }));

  beforeEach(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    app = createReceiver({
      store,
      allowedOrigins: [SITE],
      adminToken: ADMIN_TOKEN,
      logger: false,
      rateLimit: false,
    });
  });
  afterEach(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)('finds an archived notice text changed in the database', async () => {
    await send(makeFlow());
    await store.client.query("UPDATE notices SET text = text || ' (amended)' WHERE sha256 = $1", [
      NOTICE_SHA,
    ]);
    const report = await store.verify();
    expect(report.ok).toBe(false);
    expect(report.notices).toMatchObject({ checked: 1, ok: false, broken: [{ sha256: NOTICE_SHA }] });
  });

  it.skipIf(kind.skipReason)('finds an indexed column changed apart from the chained record', async () => {
    const flow = makeFlow();
    await send(flow);
    await store.client.query("UPDATE entries SET type = 'withdrawal_requested' WHERE entry_id = $1", [
      flow[1]!['eventId'],
    ]);
    const other = makeFlow();
    await send(other);
    await store.client.query('UPDATE entries SET consent_id = $2 WHERE entry_id = $1', [
      other[2]!['eventId'],
      flow[0]!['consentId'],
    ]);
    const report = await store.verify();
    expect(report.sites[0]?.broken).toEqual([
      expect.objectContaining({ seq: 2, reason: 'indexed column type differs from the chained record' }),
      expect.objectContaining({
        seq: 6,
        reason: 'indexed column consent_id differs from the chained record',
      }),
    ]);
  });

  it.skipIf(kind.skipReason)(
    'finds personal data removed without an erasure entry, and accepts an erasure',
    async () => {
      const kept = makeFlow();
      const erased = makeFlow();
      await send([...kept, ...erased]);
      const eraseResponse = await app.request(`/v1/consents/${String(erased[0]!['consentId'])}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(eraseResponse.status).toBe(200);
      expect((await store.verify()).ok).toBe(true);
      await store.client.query('DELETE FROM personal_data WHERE entry_id = $1', [kept[1]!['eventId']]);
      const report = await store.verify();
      expect(report.sites[0]?.broken).toEqual([
        expect.objectContaining({ seq: 2, reason: 'personal data removed without an erasure entry' }),
      ]);
    },
  );

  it.skipIf(kind.skipReason)(
    'reports every break and counts them, on 3,000 entries',
    async () => {
      for (let batch = 0; batch < 60; batch++) await send(Array.from({ length: 50 }, () => makeEvent()));
      await store.client.query(
        `UPDATE entries SET payload = replace(payload, '"action":"button"', '"action":"keyboard"')
       WHERE site = $1 AND seq IN (6, 1500, 2999)`,
        [SITE],
      );
      const report = await store.verify();
      expect(report.sites[0]).toMatchObject({ entries: 3000, ok: false, brokenCount: 3 });
      expect(report.sites[0]?.broken?.map((link) => link.seq)).toEqual([6, 1500, 2999]);
    },
    120_000,
  );

  it.skipIf(kind.skipReason)('signs heads; a rewritten log no longer matches them', async () => {
    const { seed, key } = generateSigningKey();
    expect(parseSigningKey(seed).keyId).toBe(key.keyId);
    const flow = makeFlow();
    await send(flow);
    const at = new Date('2026-11-28T03:00:00.000Z');
    const signed = await store.signHeads(key, at);
    expect(signed).toEqual([expect.objectContaining({ site: SITE, seq: 3, keyId: key.keyId })]);
    expect(await store.signHeads(key, at)).toEqual([]); // nothing moved
    const publicKey = parsePublicKey(key.publicKeyPem);
    expect((await store.verify({ publicKey })).signedHeads).toMatchObject({
      checked: 1,
      signaturesChecked: true,
      ok: true,
    });

    // The whole chain recomputed after a change: every link holds, the signed head does not.
    const { rows } = await store.client.query<{
      entry_id: string;
      payload: string;
      received_at: Date | string;
    }>('SELECT entry_id, payload, received_at FROM entries WHERE site = $1 ORDER BY seq', [SITE]);
    let prev = '0'.repeat(64);
    for (const [index, row] of rows.entries()) {
      const payload =
        index === 1 ? canonicalJson({ ...JSON.parse(row.payload), action: 'keyboard' }) : row.payload;
      const hash = entryHash(prev, payload, new Date(row.received_at).toISOString());
      await store.client.query(
        'UPDATE entries SET payload = $2, prev_hash = $3, hash = $4 WHERE entry_id = $1',
        [row.entry_id, payload, prev, hash],
      );
      prev = hash;
    }
    await store.client.query('UPDATE sites SET head_hash = $2 WHERE site = $1', [SITE, prev]);
    const report = await store.verify({ publicKey });
    expect(report.sites[0]?.ok).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.signedHeads.broken).toEqual([
      expect.objectContaining({
        seq: 3,
        reason: 'the entry at seq 3 differs from the signed head (log rewritten)',
      }),
    ]);
    // A signature made with another key does not verify.
    const other = parsePublicKey(generateSigningKey().key.publicKeyPem);
    expect((await store.verify({ publicKey: other })).signedHeads.broken[0]?.reason).toBe(
      'the signature does not verify with the public key',
    );
  });

  it.skipIf(kind.skipReason)(
    'is not confused by appends during the run',
    async () => {
      for (let batch = 0; batch < 50; batch++) await send(Array.from({ length: 50 }, () => makeEvent()));
      const appends = (async () => {
        for (let batch = 0; batch < 10; batch++) await send(Array.from({ length: 20 }, () => makeEvent()));
      })();
      const reports = await Promise.all([store.verify(), store.verify(), appends.then(() => store.verify())]);
      for (const report of reports) expect(report.ok, JSON.stringify(report.sites[0]?.broken)).toBe(true);
    },
    120_000,
  );
});

const postgres = storeKinds[1]!;

describe('appends racing with erasures and each other on PostgreSQL', () => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  beforeEach(async () => {
    if (postgres.skipReason) return;
    store = await postgres.open();
    app = createReceiver({ store, allowedOrigins: [SITE], logger: false, rateLimit: false });
  });
  afterEach(async () => {
    await store?.close();
  });

  it.skipIf(postgres.skipReason)(
    'does not store an erased message again when the erasure commits while the batch waits for the site',
    async () => {
      const flow = makeFlow();
      await app.request('/v1/events', post(flow, { origin: SITE }));
      const consentId = String(flow[0]!['consentId']);
      // An erasure in progress on another connection, holding the site lock.
      const eraser = new pg.Client({ connectionString: databaseUrlOf(store) });
      await eraser.connect();
      try {
        await eraser.query('BEGIN');
        await eraser.query('SELECT 1 FROM sites WHERE site = $1 FOR UPDATE', [SITE]);
        const late = makeEvent({ consentId, type: 'link_opened' });
        const pending = app.request('/v1/events', post([late], { origin: SITE }));
        // The batch is waiting for the site lock now (it shows as a lock wait).
        await expect
          .poll(
            async () =>
              (
                await eraser.query<{ n: number }>(
                  "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
                )
              ).rows[0]?.n,
          )
          .toBe(1);
        await eraser.query('DELETE FROM personal_data WHERE consent_id = $1', [consentId]);
        const entryId = flow[2]!['eventId'];
        await eraser.query('INSERT INTO erasures (consent_id, erased_at, entry_id) VALUES ($1, now(), $2)', [
          consentId,
          entryId,
        ]);
        await eraser.query('COMMIT');
        expect((await pending).status).toBe(200);
        const { rows: content } = await store.client.query(
          'SELECT message FROM personal_data WHERE consent_id = $1',
          [consentId],
        );
        expect(content).toEqual([]);
      } finally {
        await eraser.end();
      }
    },
    60_000,
  );

  it.skipIf(postgres.skipReason)(
    'never deadlocks on new notices sent in opposite orders',
    async () => {
      const { createHash } = await import('node:crypto');
      const failures: number[] = [];
      for (let round = 0; round < 15; round++) {
        const notices = Array.from({ length: 6 }, (_, index) => {
          const text = `Notice ${round}.${index} ${Math.random()}`;
          const sha256 = createHash('sha256').update(text).digest('hex');
          return { id: 'whatsapp.en.v1', locale: 'en', version: 'v1', sha256, text };
        });
        const batch = (order: typeof notices) =>
          order.map((notice) => makeEvent({ type: 'notice_shown', notice }));
        const answers = await Promise.all(
          Array.from({ length: 4 }, (_, index) =>
            app.request(
              '/v1/events',
              post(batch(index % 2 ? [...notices].reverse() : notices), { origin: SITE }),
            ),
          ),
        );
        failures.push(...answers.filter((answer) => answer.status !== 200).map((answer) => answer.status));
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );
});
