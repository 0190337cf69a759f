import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { Period } from '../src/console/filters.js';
import { readSeries, readStats } from '../src/console/stats.js';
import { listSubscribers, parseListQuery } from '../src/console/subscribers.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { NOTICE_SHA, NOTICE_TEXT, SITE, makeEvent, post } from './events.js';
import { storeKinds } from './stores.js';

// The daily rollup (console_daily) must answer exactly what the per-consent scan answers, for any
// mix of steps, out-of-order arrivals, confirmations, withdrawals and erasures. Fixed seed: the
// same flows on every run.

const TOKEN = 'test-admin-token-0123456789-abcdef';
const OTHER_SITE = 'https://other.example';
const CHANNELS = ['whatsapp', 'telegram', 'signal'];
const STEPS = ['widget_shown', 'notice_shown', 'consent_given', 'link_opened'] as const;
const DAY = 86_400_000;
const START = Date.parse('2026-11-01T00:00:00.000Z');

/** mulberry32: a small seeded generator, so the flows are the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const day = (offset: number) => new Date(START + offset * DAY);

describe.each(storeKinds)('console daily rollup on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  let clock = new Date(START);
  const random = seeded(20261205);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const at = (offsetDays: number) =>
    (clock = new Date(START + offsetDays * DAY + Math.floor(random() * DAY)));
  const send = async (site: string, events: unknown[]) => {
    const response = await app.request('/v1/events', post(events, { origin: site }));
    expect(response.status, await response.clone().text()).toBe(200);
  };
  const adminPost = async (path: string, body?: unknown) =>
    app.request(path, {
      method: body === undefined ? 'DELETE' : 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    app = createReceiver({
      store,
      allowedOrigins: [SITE, OTHER_SITE],
      adminToken: TOKEN,
      logger: false,
      rateLimit: false,
      now: () => clock,
    });
    for (let index = 0; index < 40; index++) {
      const consentId = randomUUID();
      const channel = pick(CHANNELS);
      const site = random() < 0.7 ? SITE : OTHER_SITE;
      const first = Math.floor(random() * 10);
      const until = STEPS[Math.floor(random() * STEPS.length)] as (typeof STEPS)[number];
      const steps = STEPS.slice(random() < 0.3 ? 0 : 1, STEPS.indexOf(until) + 1);
      if (steps.length === 0) continue;
      const event = (type: string) =>
        makeEvent({
          consentId,
          type,
          channel,
          ref: `R${String(index).padStart(3, '0')}`,
          page: { origin: site, path: '/' },
          ...(type === 'notice_shown'
            ? { notice: { id: 'n', locale: 'en', version: 'v1', sha256: NOTICE_SHA, text: NOTICE_TEXT } }
            : {}),
        });
      if (random() < 0.25 && steps.length > 1) {
        // Out of order: the last step is stored first, the others a day or two earlier (another
        // receiver process with its own clock): first times move earlier.
        at(first + 2);
        await send(site, [event(steps.at(-1) as string)]);
        at(first);
        await send(site, steps.slice(0, -1).map(event));
      } else {
        at(first);
        await send(site, steps.map(event));
      }
      if (!steps.includes('consent_given')) continue;
      if (random() < 0.5) {
        at(first + 1 + Math.floor(random() * 3));
        const confirmed = await adminPost(`/v1/consents/${consentId}/confirm`, { message: 'Start' });
        expect(confirmed.status).toBe(201);
      }
      if (random() < 0.3) {
        at(first + 3 + Math.floor(random() * 3));
        await send(site, [
          makeEvent({ consentId, type: 'withdrawal_requested', channel, page: { origin: site, path: '/' } }),
        ]);
      }
      if (random() < 0.15) {
        at(first + 6);
        expect((await adminPost(`/v1/consents/${consentId}`)).status).toBe(200);
      }
    }
  });
  afterAll(async () => {
    await store?.close();
  });

  const periods: Array<[string, Partial<Period>]> = [
    ['all time', {}],
    ['days 2 to 5', { from: day(2), to: day(5) }],
    ['up to day 4', { to: day(4) }],
    ['from day 6', { from: day(6) }],
    ['one channel', { channel: 'telegram', from: day(1), to: day(9) }],
    ['one site', { site: OTHER_SITE }],
    ['a channel without data', { channel: 'line' }],
  ];
  const period = (part: Partial<Period>): Period => ({
    from: undefined,
    to: undefined,
    channel: undefined,
    site: undefined,
    ...part,
  });

  it.skipIf(kind.skipReason)('holds exactly what consent_states holds, day by day', async () => {
    const { rows } = await store.client.query<{ n: number | string }>(
      `WITH expected AS (
         SELECT (v.at AT TIME ZONE 'UTC')::date AS day, s.site, s.channel, v.metric, count(*) AS n
         FROM consent_states s CROSS JOIN LATERAL (VALUES ('widget_shown', s.widget_shown_at),
           ('notice_shown', s.notice_shown_at), ('consent_given', s.consent_given_at),
           ('link_opened', s.link_opened_at), ('confirmed', s.confirmed_at), ('withdrawn', s.withdrawn_at),
           ('state_' || s.state, s.subscribed_at)) AS v(metric, at)
         WHERE s.channel IS NOT NULL AND v.at IS NOT NULL GROUP BY 1, 2, 3, 4),
       actual AS (SELECT day, site, channel, metric, n FROM console_daily WHERE n <> 0)
       SELECT count(*) AS n FROM (
         (SELECT * FROM expected EXCEPT SELECT * FROM actual) UNION ALL (SELECT * FROM actual EXCEPT SELECT * FROM expected)
       ) difference`,
    );
    expect(Number(rows[0]?.n)).toBe(0);
    const { rows: sum } = await store.client.query<{ n: number | string }>(
      `SELECT sum(n) AS n FROM console_daily WHERE metric LIKE 'state_%'`,
    );
    const { rows: subscribers } = await store.client.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM consent_states WHERE subscribed_at IS NOT NULL',
    );
    expect(Number(sum[0]?.n)).toBe(Number(subscribers[0]?.n));
    expect(Number(sum[0]?.n)).toBeGreaterThan(10);
  });

  it.skipIf(kind.skipReason)('answers stats, series and list totals as the scan does', async () => {
    for (const [label, part] of periods) {
      const wanted = period(part);
      expect(await readStats(store.client, wanted), label).toEqual(
        await readStats(store.client, wanted, { rollup: false }),
      );
      for (const bucket of ['day', 'week', 'month'] as const)
        expect(await readSeries(store.client, wanted, bucket), `${label} by ${bucket}`).toEqual(
          await readSeries(store.client, wanted, bucket, { rollup: false }),
        );
      for (const state of [undefined, 'pending', 'confirmed', 'withdrawn']) {
        const request = parseListQuery({
          from: wanted.from?.toISOString(),
          to: wanted.to?.toISOString(),
          channel: wanted.channel,
          site: wanted.site,
          state,
        });
        if (!request.ok) throw new Error(JSON.stringify(request.issues));
        const rollup = await listSubscribers(store.client, request.value);
        const scan = await listSubscribers(store.client, request.value, { rollup: false });
        expect(rollup.total, `${label}, ${state ?? 'any state'}`).toBe(scan.total);
      }
    }
    const all = await readStats(store.client, period({}));
    expect(all.total.funnel.consent_given).toBeGreaterThan(10);
    expect(all.total.funnel.confirmed).toBeGreaterThan(3);
    expect(all.total.funnel.withdrawn).toBeGreaterThan(0);
  });

  it.skipIf(kind.skipReason)('leaves a period that does not start at midnight to the scan', async () => {
    // The same numbers whichever path answers: the rollup has no rows below a day.
    const odd = period({ from: new Date(START + 2 * DAY + 3_600_000), to: day(8) });
    expect(await readStats(store.client, odd)).toEqual(await readStats(store.client, odd, { rollup: false }));
  });
});
