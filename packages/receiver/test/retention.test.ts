import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import { runRetention } from '../src/retention/retention.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { SITE, makeEvent, post } from './events.js';
import { storeKinds } from './stores.js';

const TOKEN = 'test-admin-token-0123456789-abcdef';
const DAY = 86_400_000;

describe.each(storeKinds)('retention on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  let clock = new Date('2026-01-10T10:00:00.000Z');
  const at = (date: Date) => (clock = date);
  const ids: Record<string, string> = {};
  const give = async (name: string, ref: string) => {
    ids[name] = randomUUID();
    const response = await app.request(
      '/v1/events',
      post([makeEvent({ consentId: ids[name], ref, message: `Start News Firma ${ref}` })], { origin: SITE }),
    );
    expect(response.status).toBe(200);
  };
  const confirm = async (name: string) => {
    const response = await app.request(`/v1/consents/${ids[name]}/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Start News Firma' }),
    });
    expect(response.status).toBe(201);
  };
  const withdraw = async (name: string) => {
    const response = await app.request(
      '/v1/events',
      post([makeEvent({ consentId: ids[name], type: 'withdrawal_requested' })], { origin: SITE }),
    );
    expect(response.status).toBe(200);
  };
  const refOf = async (name: string) =>
    (
      await store.client.query<{ ref: string }>(
        'SELECT ref FROM personal_data WHERE consent_id = $1 AND ref IS NOT NULL',
        [ids[name]],
      )
    ).rows[0]?.ref ?? null;

  beforeAll(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    app = createReceiver({
      store,
      allowedOrigins: [SITE],
      adminToken: TOKEN,
      logger: false,
      rateLimit: false,
      now: () => clock,
    });
    const start = new Date('2023-01-01T10:00:00.000Z');
    at(start);
    await give('withdrawnLongAgo', 'OLDW');
    await confirm('withdrawnLongAgo');
    await withdraw('withdrawnLongAgo');
    at(new Date('2024-06-01T10:00:00.000Z'));
    await give('withdrawnRecently', 'NEWW');
    await confirm('withdrawnRecently');
    await withdraw('withdrawnRecently');
    at(new Date('2026-01-01T10:00:00.000Z'));
    await give('confirmedOld', 'CONF');
    await confirm('confirmedOld');
    at(new Date('2026-02-01T09:00:00.000Z'));
    await give('unconfirmed31', 'UN31');
    at(new Date('2026-02-03T11:00:00.000Z'));
    await give('unconfirmed29', 'UN29');
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)(
    'erases unconfirmed consents after 30 days and withdrawn ones after 3 years, chained, once',
    async () => {
      const now = new Date(new Date('2026-02-01T09:00:00.000Z').getTime() + 31 * DAY);
      const report = await runRetention(store, store.client, { now, trigger: 'cli' });
      expect(report).toMatchObject({ erasedUnconfirmed: 1, erasedWithdrawn: 1 });
      expect(await refOf('unconfirmed31')).toBeNull();
      expect(await refOf('withdrawnLongAgo')).toBeNull();
      expect(await refOf('unconfirmed29')).toBe('UN29');
      expect(await refOf('withdrawnRecently')).toBe('NEWW');
      expect(await refOf('confirmedOld')).toBe('CONF');
      expect((await store.verify()).ok).toBe(true);
      const bundle = await store.getConsent(ids['unconfirmed31'] as string);
      expect(bundle?.erasure?.erasedAt).toBe(now.toISOString());

      const again = await runRetention(store, store.client, { now, trigger: 'cli' });
      expect(again).toMatchObject({ erasedUnconfirmed: 0, erasedWithdrawn: 0 });
      const { rows } = await store.client.query<{
        trigger: string;
        erased_unconfirmed: number;
        finished_at: Date | null;
      }>('SELECT trigger, erased_unconfirmed, finished_at FROM retention_runs ORDER BY id');
      expect(rows.map((row) => [row.trigger, row.erased_unconfirmed, row.finished_at !== null])).toEqual([
        ['cli', 1, true],
        ['cli', 0, true],
      ]);

      const shorter = await runRetention(store, store.client, {
        now,
        trigger: 'cli',
        config: { unconfirmedDays: 1, withdrawnYears: 1 },
      });
      expect(shorter).toMatchObject({ erasedUnconfirmed: 1, erasedWithdrawn: 1 });
      expect((await store.verify()).ok).toBe(true);
    },
  );
});
