import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { SeriesReport, StatsReport } from '../src/console/stats.js';
import type { SubscriberPage } from '../src/console/subscribers.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { NOTICE_SHA, NOTICE_TEXT, SITE, makeEvent, post } from './events.js';
import { storeKinds } from './stores.js';

const TOKEN = 'test-admin-token-0123456789-abcdef';
const admin = { authorization: `Bearer ${TOKEN}` };
const STEPS = ['widget_shown', 'notice_shown', 'consent_given', 'link_opened'] as const;

describe.each(storeKinds)('console stats and subscriber list on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  let clock = new Date('2026-11-02T10:00:00.000Z');
  const at = (iso: string) => (clock = new Date(iso));
  const get = async <T>(path: string): Promise<T> => {
    const response = await app.request(path, { headers: admin });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const ingest = async (events: unknown[]) => {
    const response = await app.request('/v1/events', post(events, { origin: SITE }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { accepted: number }).accepted).toBe(events.length);
  };
  const confirm = async (consentId: string) => {
    const response = await app.request(`/v1/consents/${consentId}/confirm`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Start News Firma K7Q2' }),
    });
    expect(response.status).toBe(201);
  };
  /** One visitor's flow from `first` up to `until`; returns its consentId. */
  const flow = async (
    channel: string,
    until: (typeof STEPS)[number],
    { ref = 'K7Q2', first = 'notice_shown' as (typeof STEPS)[number] } = {},
  ) => {
    const consentId = randomUUID();
    const steps = STEPS.slice(STEPS.indexOf(first), STEPS.indexOf(until) + 1);
    await ingest(
      steps.map((type) =>
        makeEvent({
          consentId,
          type,
          channel,
          ref,
          message: `Start News Firma ${ref}`,
          ...(type === 'notice_shown'
            ? { notice: { id: 'n', locale: 'en', version: 'v1', sha256: NOTICE_SHA, text: NOTICE_TEXT } }
            : {}),
        }),
      ),
    );
    return consentId;
  };
  const withdraw = (consentId: string, channel: string) =>
    ingest([makeEvent({ consentId, type: 'withdrawal_requested', channel })]);

  const ids: Record<string, string> = {};

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
    // November 2: WhatsApp 2 impressions without a click, 3 notices only, 2 consents, 4 full flows
    // (2 confirmed, 1 of them withdrawn); Telegram 1 full flow, confirmed.
    at('2026-11-02T10:00:00.000Z');
    for (let i = 0; i < 2; i++) await flow('whatsapp', 'widget_shown', { first: 'widget_shown' });
    for (let i = 0; i < 3; i++) await flow('whatsapp', 'notice_shown');
    for (let i = 0; i < 2; i++)
      ids[`given${i}`] = await flow('whatsapp', 'consent_given', { ref: `GV${i}X` });
    for (let i = 0; i < 4; i++) ids[`full${i}`] = await flow('whatsapp', 'link_opened', { ref: `FL${i}X` });
    ids['tg'] = await flow('telegram', 'link_opened', { ref: 'TG0X' });
    at('2026-11-02T11:00:00.000Z');
    await confirm(ids['full0'] as string);
    await confirm(ids['full1'] as string);
    await confirm(ids['tg'] as string);
    at('2026-11-03T09:00:00.000Z');
    await withdraw(ids['full1'] as string, 'whatsapp');
    // November 5: one more WhatsApp flow, pending.
    at('2026-11-05T12:00:00.000Z');
    ids['late'] = await flow('whatsapp', 'link_opened', { ref: 'LATE' });
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)('needs the admin token', async () => {
    for (const path of ['/v1/stats', '/v1/stats/series', '/v1/console/subscribers']) {
      expect((await app.request(path)).status).toBe(401);
      expect((await app.request(path, { headers: { authorization: 'Bearer nope' } })).status).toBe(403);
    }
  });

  it.skipIf(kind.skipReason)('counts each funnel step per channel, once per consent', async () => {
    const stats = await get<StatsReport>('/v1/stats');
    const whatsapp = stats.channels.find((channel) => channel.channel === 'whatsapp');
    expect(whatsapp?.funnel).toEqual({
      widget_shown: 2,
      notice_shown: 3 + 2 + 5,
      consent_given: 2 + 5,
      link_opened: 5,
      confirmed: 2,
      withdrawn: 1,
    });
    expect(whatsapp?.subscribers).toEqual({
      pending: 2 + 3,
      confirmed: 1,
      withdrawn: 1,
      unmatched: 0,
      ambiguous: 0,
    });
    expect(whatsapp?.conversion).toEqual({
      notice_shown: 5,
      consent_given: 0.7,
      link_opened: 0.7143,
      confirmed: 0.4,
      withdrawn: 0.5,
    });
    const telegram = stats.channels.find((channel) => channel.channel === 'telegram');
    expect(telegram?.funnel).toMatchObject({ notice_shown: 1, consent_given: 1, confirmed: 1, withdrawn: 0 });
    expect(stats.total.funnel.confirmed).toBe(3);
    expect(stats.total.subscribers).toEqual({
      pending: 5,
      confirmed: 2,
      withdrawn: 1,
      unmatched: 0,
      ambiguous: 0,
    });
  });

  it.skipIf(kind.skipReason)('limits the funnel to a period and a channel', async () => {
    const day = await get<StatsReport>(
      '/v1/stats?from=2026-11-03T00:00:00Z&to=2026-11-06T00:00:00Z&channel=whatsapp',
    );
    expect(day.channels.map((channel) => channel.channel)).toEqual(['whatsapp']);
    expect(day.channels[0]?.funnel).toEqual({
      widget_shown: 0,
      notice_shown: 1,
      consent_given: 1,
      link_opened: 1,
      confirmed: 0,
      withdrawn: 1,
    });
    expect(day.channels[0]?.subscribers).toEqual({
      pending: 1,
      confirmed: 0,
      withdrawn: 0,
      unmatched: 0,
      ambiguous: 0,
    });
    const bad = await app.request('/v1/stats?from=yesterday', { headers: admin });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('from');
  });

  it.skipIf(kind.skipReason)('gives the series behind the chart per day and channel', async () => {
    const series = await get<SeriesReport>('/v1/stats/series?channel=whatsapp');
    expect(series.channels).toEqual([
      {
        channel: 'whatsapp',
        points: [
          { at: '2026-11-02T00:00:00.000Z', consents: 6, confirmed: 2, withdrawn: 0 },
          { at: '2026-11-03T00:00:00.000Z', consents: 0, confirmed: 0, withdrawn: 1 },
          { at: '2026-11-05T00:00:00.000Z', consents: 1, confirmed: 0, withdrawn: 0 },
        ],
      },
    ]);
  });

  it.skipIf(kind.skipReason)(
    'pages the subscriber list on the server, newest first, with filters',
    async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: SubscriberPage = await get<SubscriberPage>(
          `/v1/console/subscribers?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.total).toBe(8);
        seen.push(...page.items.map((item) => item.consentId ?? ''));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(8);
      expect(seen[0]).toBe(ids['late']);

      const confirmed = await get<SubscriberPage>('/v1/console/subscribers?state=confirmed');
      expect(confirmed.items.map((item) => item.consentId).sort()).toEqual([ids['full0'], ids['tg']].sort());
      const telegram = await get<SubscriberPage>('/v1/console/subscribers?channel=telegram');
      expect(telegram.items).toMatchObject([
        { consentId: ids['tg'], state: 'confirmed', ref: 'TG0X', purpose: 'News' },
      ]);
      const byRef = await get<SubscriberPage>('/v1/console/subscribers?ref=fl1x');
      expect(byRef.items).toMatchObject([{ consentId: ids['full1'], state: 'withdrawn', ref: 'FL1X' }]);
      expect(byRef.items[0]?.withdrawnAt).toBe('2026-11-03T09:00:00.000Z');
      const inPeriod = await get<SubscriberPage>('/v1/console/subscribers?from=2026-11-04T00:00:00Z');
      expect(inPeriod.items.map((item) => item.consentId)).toEqual([ids['late']]);
      expect((await app.request('/v1/console/subscribers?state=gone', { headers: admin })).status).toBe(400);
    },
  );
});
