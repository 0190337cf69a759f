import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlaggedOptin } from '../src/console/inbound-views.js';
import type { StatsReport } from '../src/console/stats.js';
import type { SubscriberPage } from '../src/console/subscribers.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { type Harness, admin, giveConsent, makeHarness, signed } from './inbound/harness.js';
import { storeKinds } from './stores.js';

/** A Telegram text message from chat `chat` (each chat is another person). */
const tg = (messageId: number, chat: number, text: string) =>
  JSON.stringify({
    update_id: 30_000_000 + messageId,
    message: {
      message_id: messageId,
      from: { id: chat, is_bot: false, first_name: 'A' },
      chat: { id: chat, first_name: 'A', type: 'private' },
      date: 1764849600,
      text,
    },
  });

const PEOPLE = { noRef: 201, unknownRef: 202, twoConsents: 203, confirmed: 204 };

describe.each(storeKinds)('inbound-only subscribers in the console on $name', (kind) => {
  let store: SqlStore;
  let h: Harness;
  const consents: Record<string, string> = {};
  let messageNo = 0;
  const send = async (chat: number, text: string) => {
    h.clock.advance(1000);
    const response = await h.app.request(
      '/v1/inbound/telegram',
      signed('telegram', tg(++messageNo, chat, text)),
    );
    expect(response.status).toBe(200);
  };
  const get = async <T>(path: string): Promise<T> => {
    const response = await h.app.request(path, { headers: admin });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const post = (path: string, body?: unknown) =>
    h.app.request(path, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const telegramStats = async (query = '') =>
    (await get<StatsReport>(`/v1/stats${query}`)).channels.find((line) => line.channel === 'telegram');

  beforeAll(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    h = makeHarness(store);
    consents['confirmed'] = await giveConsent(h, { channel: 'telegram', ref: 'K7Q2X9' });
    consents['twinA'] = await giveConsent(h, { channel: 'telegram', ref: 'AMB2X9' });
    consents['twinB'] = await giveConsent(h, { channel: 'telegram', ref: 'AMB2X9' });
    await send(PEOPLE.confirmed, 'Start News Firma K7Q2X9'); // confirms the web consent
    await send(PEOPLE.noRef, 'Start'); // unmatched, no ref
    await send(PEOPLE.unknownRef, 'Start News Firma ZZZZ9'); // unmatched, unknown ref
    await send(PEOPLE.twoConsents, 'Start News Firma AMB2X9'); // ambiguous
    await send(PEOPLE.unknownRef, 'Stop'); // the stranger withdraws
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)(
    'counts people who wrote without a web consent by state, outside the funnel and any site',
    async () => {
      const telegram = await telegramStats();
      expect(telegram?.funnel).toMatchObject({ consent_given: 3, confirmed: 1, withdrawn: 0 });
      expect(telegram?.subscribers).toEqual({
        pending: 2,
        confirmed: 1,
        withdrawn: 1,
        unmatched: 1,
        ambiguous: 1,
      });
      expect(telegram?.inbound).toEqual({ unmatched: 1, ambiguous: 1, withdrawn: 1 });
      const total = (await get<StatsReport>('/v1/stats')).total;
      expect(total.subscribers).toEqual(telegram?.subscribers);
      expect(total.inbound).toEqual(telegram?.inbound);

      const bySite = await telegramStats('?site=https%3A%2F%2Fshop.example');
      expect(bySite?.subscribers).toEqual({
        pending: 2,
        confirmed: 1,
        withdrawn: 0,
        unmatched: 0,
        ambiguous: 0,
      });
      expect(bySite?.inbound).toEqual({ unmatched: 0, ambiguous: 0, withdrawn: 0 });
      // Their period is the first opt-in message: none before the test's clock started.
      const before = await telegramStats('?to=2025-12-01T00:00:00Z');
      expect(before?.subscribers).toEqual({
        pending: 0,
        confirmed: 0,
        withdrawn: 0,
        unmatched: 0,
        ambiguous: 0,
      });
    },
  );

  it.skipIf(kind.skipReason)('lists and exports them as kind "inbound", columns appended last', async () => {
    const page = await get<SubscriberPage>('/v1/console/subscribers?channel=telegram&limit=4');
    expect(page.total).toBe(6);
    const next = await get<SubscriberPage>(
      `/v1/console/subscribers?channel=telegram&limit=4&cursor=${page.nextCursor}`,
    );
    expect(next.nextCursor).toBeNull();
    const rows = [...page.items, ...next.items];
    expect(rows.map((row) => row.kind).sort()).toEqual([
      'inbound',
      'inbound',
      'inbound',
      'web',
      'web',
      'web',
    ]);
    // Newest first across both kinds: the stranger's opt-ins came after the three consents.
    expect(rows.slice(0, 3).every((row) => row.kind === 'inbound')).toBe(true);
    const inbound = rows.filter((row) => row.kind === 'inbound');
    expect(inbound.map((row) => [row.state, row.ref, row.consentId, row.site]).sort()).toEqual([
      ['ambiguous', 'AMB2X9', null, null],
      ['unmatched', null, null, null],
      ['withdrawn', 'ZZZZ9', null, null],
    ]);
    expect(inbound.every((row) => typeof row.subscriberId === 'string')).toBe(true);
    const web = rows.find((row) => row.consentId === consents['confirmed']);
    expect(web).toMatchObject({ kind: 'web', state: 'confirmed', subscriberId: expect.any(String) });

    const unmatched = await get<SubscriberPage>('/v1/console/subscribers?state=unmatched');
    expect(unmatched.items.map((row) => [row.kind, row.state])).toEqual([['inbound', 'unmatched']]);
    const byRef = await get<SubscriberPage>('/v1/console/subscribers?ref=amb2x9');
    expect(byRef.items.map((row) => row.kind).sort()).toEqual(['inbound', 'web', 'web']);
    const bySite = await get<SubscriberPage>('/v1/console/subscribers?site=https%3A%2F%2Fshop.example');
    expect(bySite.total).toBe(3);
    expect(bySite.items.every((row) => row.kind === 'web')).toBe(true);

    const csv = await (await h.app.request('/v1/export/subscribers?format=csv', { headers: admin })).text();
    const [header, ...lines] = csv.trimEnd().split('\r\n');
    expect(header).toBe(
      'consent_id,site,channel,state,ref,purpose,notice_version,subscribed_at,consent_given_at,link_opened_at,confirmed_at,withdrawn_at,erased_at,kind,subscriber_id',
    );
    expect(lines).toHaveLength(6);
    const inboundLine = lines.find((line) => line.includes(',unmatched,'))?.split(',');
    expect(inboundLine?.slice(0, 4)).toEqual(['', '', 'telegram', 'unmatched']);
    expect(inboundLine?.[13]).toBe('inbound');
    const ndjson = await (
      await h.app.request('/v1/export/subscribers?format=ndjson&state=ambiguous', { headers: admin })
    ).text();
    expect(JSON.parse(ndjson.trim())).toMatchObject({ kind: 'inbound', state: 'ambiguous', consentId: null });
  });

  it.skipIf(kind.skipReason)(
    'dismisses a flagged opt-in with a chained entry; linking one makes it a web subscriber',
    async () => {
      const flagged = (await get<{ items: FlaggedOptin[] }>('/v1/console/flagged')).items;
      expect(flagged.map((item) => [item.state, item.ref]).sort()).toEqual([
        ['ambiguous', 'AMB2X9'],
        ['unmatched', null],
      ]);
      const noRef = flagged.find((item) => item.state === 'unmatched');
      const twins = flagged.find((item) => item.state === 'ambiguous');

      expect((await post('/v1/console/flagged/not-a-uuid/dismiss')).status).toBe(400);
      expect((await post(`/v1/console/flagged/${crypto.randomUUID()}/dismiss`)).status).toBe(404);
      expect(
        (await h.app.request(`/v1/console/flagged/${noRef?.subscriptionId}/dismiss`, { method: 'POST' }))
          .status,
      ).toBe(401);
      const dismissed = await post(`/v1/console/flagged/${noRef?.subscriptionId}/dismiss`);
      expect(dismissed.status).toBe(200);
      const answer = (await dismissed.json()) as { entryId: string; subscriberId: string };
      expect(answer.subscriberId).toBe(noRef?.subscriberId);
      expect((await post(`/v1/console/flagged/${noRef?.subscriptionId}/dismiss`)).status).toBe(409);
      const { rows } = await store.client.query<{ site: string; type: string; payload: string }>(
        'SELECT site, type, payload FROM entries WHERE entry_id = $1',
        [answer.entryId],
      );
      expect(rows[0]).toMatchObject({ site: '_inbound', type: 'dismissed' });
      expect(JSON.parse(rows[0]?.payload ?? '{}')).toMatchObject({
        type: 'dismissed',
        subscriptionId: noRef?.subscriptionId,
        previousState: 'unmatched',
      });
      expect((await get<{ items: FlaggedOptin[] }>('/v1/console/flagged')).items).toHaveLength(1);
      expect((await telegramStats())?.inbound).toEqual({ unmatched: 0, ambiguous: 1, withdrawn: 1 });

      // The site owner links the ambiguous message to one of its two candidates.
      const linked = await post(`/v1/consents/${consents['twinA']}/confirm`, { inboundId: twins?.inboundId });
      expect(linked.status).toBe(201);
      const after = await telegramStats();
      expect(after?.subscribers).toEqual({
        pending: 1,
        confirmed: 2,
        withdrawn: 1,
        unmatched: 0,
        ambiguous: 0,
      });
      expect(after?.inbound).toEqual({ unmatched: 0, ambiguous: 0, withdrawn: 1 });
      const list = await get<SubscriberPage>('/v1/console/subscribers?channel=telegram');
      expect(list.total).toBe(4);
      expect(list.items.find((row) => row.consentId === consents['twinA'])).toMatchObject({
        kind: 'web',
        state: 'confirmed',
        subscriberId: twins?.subscriberId,
      });
      expect((await store.verify()).ok).toBe(true);
    },
  );
});
