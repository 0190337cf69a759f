import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlaggedOptin } from '../src/console/inbound-views.js';
import { runRetention } from '../src/retention/retention.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { type Harness, admin, count, giveConsent, makeHarness, signed } from './inbound/harness.js';
import { storeKinds } from './stores.js';

const DAY = 86_400_000;
const tg = (messageId: number, chat: number, text: string) =>
  JSON.stringify({
    update_id: 40_000_000 + messageId,
    message: {
      message_id: messageId,
      from: { id: chat, is_bot: false, first_name: 'A' },
      chat: { id: chat, first_name: 'A', type: 'private' },
      date: 1764849600,
      text,
    },
  });

/** Chat ids: each is another person. */
const STRANGER = 301;
const ASKED_ACCESS = 302;
const UNKNOWN_STOP = 303;
const SUBSCRIBER = 304;
const WRITES_AGAIN = 305;

describe.each(storeKinds)("retention of strangers' messages on $name", (kind) => {
  let store: SqlStore;
  let h: Harness;
  let messageNo = 0;
  const inboundIds: Record<number, string[]> = {};
  const send = async (chat: number, text: string) => {
    h.clock.advance(1000);
    const response = await h.app.request(
      '/v1/inbound/telegram',
      signed('telegram', tg(++messageNo, chat, text)),
    );
    expect(response.status).toBe(200);
    const { rows } = await store.client.query<{ inbound_id: string }>(
      `SELECT inbound_id FROM inbound_messages WHERE provider_message_id = $1`,
      [`${chat}:${messageNo}`],
    );
    (inboundIds[chat] ??= []).push(rows[0]?.inbound_id ?? 'missing');
  };
  /** What is still stored of a chat's messages: [texts, raw message ids, reply addresses]. */
  const stored = async (chat: number) => {
    const ids = inboundIds[chat] ?? [];
    return [
      await count(store, 'inbound_texts', `inbound_id = ANY('{${ids.join(',')}}'::uuid[])`),
      await count(
        store,
        'inbound_messages',
        `inbound_id = ANY('{${ids.join(',')}}'::uuid[]) AND provider_message_id NOT LIKE 'erased:%'`,
      ),
      await count(
        store,
        'inbound_persons',
        `subscriber_id IN (SELECT subscriber_id FROM inbound_messages WHERE inbound_id = ANY('{${ids.join(',')}}'::uuid[]))`,
      ),
    ];
  };
  const run = () => runRetention(store, store.client, { now: h.clock.now(), trigger: 'cli' });

  beforeAll(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    h = makeHarness(store);
    await giveConsent(h, { channel: 'telegram', ref: 'K7Q2X9' });
    await send(SUBSCRIBER, 'Start News Firma K7Q2X9');
    await send(STRANGER, 'Start, ich bin Erika Mustermann');
    await send(ASKED_ACCESS, 'Auskunft bitte, Tel 0170 1234567');
    await send(UNKNOWN_STOP, 'Stop, ich heisse Otto');
    await send(WRITES_AGAIN, 'Start');
    h.clock.advance(20 * DAY);
    await send(WRITES_AGAIN, 'Start hallo');
    h.clock.advance(11 * DAY);
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)(
    'erases them 30 days after the last message, chained, unless a rights request is open',
    async () => {
      expect(await stored(STRANGER)).toEqual([1, 1, 1]);
      expect(await stored(UNKNOWN_STOP)).toEqual([1, 1, 0]);
      const report = await run();
      expect(report.erasedInbound).toBe(2);
      expect(await stored(STRANGER)).toEqual([0, 0, 0]);
      expect(await stored(UNKNOWN_STOP)).toEqual([0, 0, 0]);
      // A subscriber of a web consent, a stranger who wrote 11 days ago, and one whose access
      // request is open keep theirs.
      expect(await stored(SUBSCRIBER)).toEqual([1, 1, 1]);
      expect(await stored(WRITES_AGAIN)).toEqual([2, 2, 1]);
      expect(await stored(ASKED_ACCESS)).toEqual([1, 1, 1]);

      const { rows } = await store.client.query<{ site: string; payload: string }>(
        `SELECT site, payload FROM entries WHERE type = 'erased' ORDER BY seq`,
      );
      const records = rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
      expect(rows.every((row) => row.site === '_inbound')).toBe(true);
      expect(records).toHaveLength(2);
      expect(records.every((record) => record['reason'] === 'retention')).toBe(true);
      expect(records.find((record) => 'inboundId' in record)?.['inboundId']).toBe(
        inboundIds[UNKNOWN_STOP]?.[0],
      );
      expect(JSON.stringify(records)).not.toContain('Erika');
      expect((await store.verify()).ok).toBe(true);

      // The stranger's unresolved opt-in expired with the data: nothing left to link.
      const flagged = (
        (await (await h.app.request('/v1/console/flagged', { headers: admin })).json()) as {
          items: FlaggedOptin[];
        }
      ).items;
      expect(flagged.map((item) => item.subscriberId)).not.toContain(records[0]?.['subscriberId']);
      expect((await run()).erasedInbound).toBe(0);
      const { rows: runs } = await store.client.query<{ erased_inbound: number }>(
        'SELECT erased_inbound FROM retention_runs ORDER BY id',
      );
      expect(runs.map((row) => row.erased_inbound)).toEqual([2, 0]);
    },
  );

  it.skipIf(kind.skipReason)('erases the one who asked once the request is closed', async () => {
    const { rows } = await store.client.query<{ request_id: string }>(
      `SELECT request_id FROM rights_requests WHERE status = 'open'`,
    );
    expect(rows).toHaveLength(1);
    const closed = await h.app.request(`/v1/rights-requests/${rows[0]?.request_id}/close`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ resolution: 'answered' }),
    });
    expect(closed.status).toBe(200);
    expect((await run()).erasedInbound).toBe(1);
    expect(await stored(ASKED_ACCESS)).toEqual([0, 0, 0]);
    expect((await store.verify()).ok).toBe(true);
  });
});
