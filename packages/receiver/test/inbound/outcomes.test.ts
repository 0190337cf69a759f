import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../src/store/sql-store.js';
import { body as lineUnfollow } from '../fixtures/inbound/line/unfollow.js';
import { messengerText } from '../fixtures/inbound/meta/messenger-text.js';
import { body as referral } from '../fixtures/inbound/meta/referral.js';
import { body as blocked } from '../fixtures/inbound/telegram/blocked.js';
import { body as start } from '../fixtures/inbound/telegram/start.js';
import { body as stop } from '../fixtures/inbound/telegram/stop.js';
import { body as twilioStop } from '../fixtures/inbound/twilio/stop.js';
import { body as viberUnsubscribed } from '../fixtures/inbound/viber/unsubscribed.js';
import { textMessage } from '../fixtures/inbound/whatsapp/text.js';
import { body as waStop } from '../fixtures/inbound/whatsapp/user-preferences-stop.js';
import { storeKinds } from '../stores.js';
import { type Harness, admin, count, entryTypes, giveConsent, makeHarness, signed } from './harness.js';

const tg = (messageId: number, text: string, date = 1764849600) =>
  `{"update_id":${20000000 + messageId},"message":{"message_id":${messageId},"from":{"id":111111111,"is_bot":false,"first_name":"Anna"},"chat":{"id":111111111,"first_name":"Anna","type":"private"},"date":${date},"text":${JSON.stringify(text)}}}`;

interface Subscriber {
  subscriberId: string;
  status: string;
  flags: string[];
  consentIds: string[];
  address?: string | null;
}

describe.each(storeKinds)('matching outcomes on $name', (kind) => {
  let store: SqlStore;
  let h: Harness;
  // One second between deliveries, so that received_at orders them.
  const send = async (provider: string, body: string) => {
    h.clock.advance(1000);
    return h.app.request(`/v1/inbound/${provider}`, signed(provider, body));
  };
  const outcomes = async () =>
    (
      await store.client.query<{ outcome: string }>(
        'SELECT outcome FROM inbound_messages ORDER BY received_at, inbound_id',
      )
    ).rows.map((row) => row.outcome);
  const subscribers = async (query = '') =>
    (
      (await (await h.app.request(`/v1/subscribers${query}`, { headers: admin })).json()) as {
        items: Subscriber[];
      }
    ).items;

  beforeEach(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    h = makeHarness(store);
  });
  afterEach(async () => store?.close());

  it.skipIf(kind.skipReason)(
    'flags two pending consents with one ref as ambiguous, never guessing',
    async () => {
      await giveConsent(h, { channel: 'telegram', site: 'https://shop.example' });
      const other = makeHarness(store);
      other.clock = h.clock;
      await giveConsent(h, { channel: 'telegram', site: 'https://shop.example', ref: 'K7Q2X9' });
      expect((await send('telegram', start)).status).toBe(200);
      expect(await outcomes()).toEqual(['ambiguous']);
      expect(await entryTypes(store)).toEqual(['message_received', 'ambiguous']);
      const [row] = await subscribers('?status=ambiguous');
      expect(row?.flags).toContain('ambiguous_message');
      expect(await count(store, 'inbound_outbox')).toBe(0);
    },
  );

  it.skipIf(kind.skipReason)(
    'records an opt-in without a web consent as unmatched (no ref, unknown ref, too old)',
    async () => {
      await send('telegram', tg(1, 'Start'));
      await send('telegram', tg(2, 'Start News Beck'));
      await giveConsent(h, { channel: 'telegram', ref: 'Q7R2S9' });
      h.clock.advance(31 * 86_400_000);
      await send('telegram', tg(3, 'Start News Firma Q7R2S9'));
      expect(await outcomes()).toEqual(['unmatched', 'unmatched', 'unmatched']);
      const { rows } = await store.client.query<{ payload: string }>(
        "SELECT payload FROM entries WHERE type = 'optin_without_web_consent' ORDER BY received_at, seq",
      );
      expect(
        rows.map((row) => JSON.parse(row.payload) as { reason: string; refCandidate: string | null }),
      ).toMatchObject([
        { reason: 'no_ref', refCandidate: null },
        { reason: 'unknown_ref', refCandidate: 'BECK' },
        { reason: 'expired', refCandidate: 'Q7R2S9' },
      ]);
      const [row] = await subscribers('?channel=telegram&status=unmatched');
      expect(row?.flags).toContain('no_web_consent');
    },
  );

  it.skipIf(kind.skipReason)(
    'answers an opt-in for a ref this sender confirmed already with the confirmation again',
    async () => {
      await giveConsent(h, { channel: 'telegram' });
      await send('telegram', start);
      await send('telegram', tg(99, 'Start News Firma K7Q2X9'));
      expect(await outcomes()).toEqual(['confirmed', 'already_confirmed']);
      expect(await count(store, 'inbound_outbox', "kind = 'confirmation'")).toBe(2);
    },
  );

  it.skipIf(kind.skipReason)(
    'binds the sender when the chat is opened and confirms on a later keyword',
    async () => {
      await giveConsent(h, { channel: 'messenger' });
      await send('meta', referral);
      expect(await outcomes()).toEqual(['chat_opened']);
      expect(await entryTypes(store)).toEqual(['message_received']);
      expect(await count(store, 'subscribers', "status = 'pending'")).toBe(1);
      await send('meta', messengerText('m_later', 'Start'));
      expect(await outcomes()).toEqual(['chat_opened', 'confirmed']);
      expect(await count(store, 'subscribers', "status = 'confirmed'")).toBe(1);
    },
  );

  it.skipIf(kind.skipReason)(
    'does not let an opt-in sent before a recorded withdrawal confirm (superseded)',
    async () => {
      await giveConsent(h, { channel: 'telegram' });
      await send('telegram', start);
      await send('telegram', tg(50, 'Stop', 1764849700));
      await giveConsent(h, { channel: 'telegram', ref: 'M8N9P2' });
      await send('telegram', tg(49, 'Start News Firma M8N9P2', 1764849650));
      expect(await outcomes()).toEqual(['confirmed', 'withdrawn', 'superseded']);
    },
  );

  it.skipIf(kind.skipReason)('lets the admin link a flagged message to a consent', async () => {
    const consentId = await giveConsent(h, { channel: 'telegram', ref: 'ZZZZ99' });
    await send('telegram', tg(7, 'Start News Firma'));
    const { rows } = await store.client.query<{ inbound_id: string }>(
      'SELECT inbound_id FROM inbound_messages',
    );
    const inboundId = rows[0]?.inbound_id;
    const answer = await h.app.request(`/v1/consents/${consentId}/confirm`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ inboundId }),
    });
    expect(answer.status).toBe(201);
    const [row] = await subscribers('?channel=telegram');
    expect(row).toMatchObject({ status: 'confirmed', consentIds: [consentId] });
    const bundle = (await (await h.app.request(`/v1/consents/${consentId}`, { headers: admin })).json()) as {
      inbound: Array<{ type: string; record: Record<string, unknown> }>;
    };
    expect(bundle.inbound.map((entry) => entry.type)).toEqual(['message_received', 'confirmed']);
    expect(bundle.inbound[1]?.record).toMatchObject({ via: 'admin', inboundId });
    expect(await count(store, 'inbound_outbox', "kind = 'confirmation'")).toBe(1);
  });

  it.skipIf(kind.skipReason)(
    'withdraws every active subscription on Stop with one reply; a second Stop does nothing',
    async () => {
      await giveConsent(h, { channel: 'telegram' });
      await send('telegram', start);
      await send('telegram', tg(8, 'Start News Beck'));
      await send('telegram', stop);
      expect(await count(store, 'entries', "type = 'withdrawn'")).toBe(2);
      expect(await count(store, 'inbound_outbox', "kind = 'withdrawal'")).toBe(1);
      await send('telegram', tg(9, 'STOP'));
      expect(await count(store, 'entries', "type = 'withdrawn'")).toBe(2);
      expect(await count(store, 'inbound_outbox', "kind = 'withdrawal'")).toBe(1);
      expect(await outcomes()).toEqual(['confirmed', 'unmatched', 'withdrawn', 'nothing_to_withdraw']);
      expect((await subscribers('?channel=telegram'))[0]?.status).toBe('withdrawn');
    },
  );

  it.skipIf(kind.skipReason)('withdraws on each provider signal without a reply', async () => {
    const signals: Array<[string, string, string, string]> = [
      ['telegram', 'telegram', 'Start News Firma K7Q2X9', blocked],
      ['whatsapp', 'whatsapp', 'Start News Firma K7Q2X9', waStop],
      ['viber', 'viber', 'Start News Firma K7Q2X9', viberUnsubscribed],
      ['line', 'line', 'Start News Firma K7Q2X9', lineUnfollow],
      ['twilio', 'sms', 'Start News Firma K7Q2X9', twilioStop],
    ];
    await giveConsent(h, { channel: 'telegram' });
    await send('telegram', start);
    await giveConsent(h, { channel: 'whatsapp' });
    await send('whatsapp', textMessage('wamid.optin', 'Start News Firma K7Q2X9', 1764849600));
    for (const [provider, , , signal] of signals) {
      const before = await count(store, 'inbound_outbox');
      expect((await send(provider, signal)).status).toBe(200);
      expect(await count(store, 'inbound_outbox')).toBe(before);
    }
    const { rows } = await store.client.query<{ payload: string }>(
      "SELECT payload FROM entries WHERE type = 'withdrawn' ORDER BY received_at, seq",
    );
    expect(rows.map((row) => (JSON.parse(row.payload) as { reason: string }).reason)).toEqual([
      'provider_signal:kicked',
      'provider_signal:marketing_messages_stop',
    ]);
    expect(await count(store, 'subscribers', "status = 'confirmed'")).toBe(0);
  });

  it.skipIf(kind.skipReason)(
    'records rights requests with a due date; erasure withdraws; DELETE erases the person',
    async () => {
      await giveConsent(h, { channel: 'telegram' });
      await send('telegram', start);
      await send('telegram', tg(10, 'Auskunft'));
      await send('telegram', tg(11, 'Löschen, ich bin Anna, 0170 1234567'));
      const requests = (
        (await (await h.app.request('/v1/rights-requests?status=open', { headers: admin })).json()) as {
          items: Array<{ requestId: string; kind: string; dueAt: string; subscriberId: string }>;
        }
      ).items;
      expect(requests.map((item) => item.kind)).toEqual(['access', 'erasure']);
      expect(requests[0]?.dueAt).toBe('2026-01-04T12:00:07.000Z');
      expect(await count(store, 'entries', "type = 'withdrawn'")).toBe(1);
      expect(await count(store, 'inbound_outbox', "kind IN ('access_ack', 'erasure_ack')")).toBe(2);
      const [row] = await subscribers('?include=address');
      expect(row).toMatchObject({ status: 'withdrawn', address: '111111111' });
      expect(row?.flags).toContain('open_rights_request');

      const closed = await h.app.request(`/v1/rights-requests/${requests[0]?.requestId}/close`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ resolution: 'answered by letter' }),
      });
      expect(closed.status).toBe(200);
      expect(await count(store, 'entries', "type = 'rights_request_closed'")).toBe(1);

      const erased = await h.app.request(`/v1/subscribers/${row?.subscriberId}`, {
        method: 'DELETE',
        headers: admin,
      });
      expect(erased.status).toBe(200);
      expect(await count(store, 'inbound_persons')).toBe(0);
      expect(await count(store, 'inbound_texts')).toBe(0);
      expect(await count(store, 'inbound_outbox', "status = 'queued'")).toBe(0);
      expect((await subscribers('?include=address'))[0]?.address).toBeNull();
      const dump = JSON.stringify(
        (await store.client.query('SELECT * FROM inbound_messages')).rows.concat(
          (await store.client.query('SELECT payload FROM entries')).rows,
        ),
      );
      expect(dump).not.toContain('111111111');
      expect(dump).not.toContain('0170');
      expect((await store.verify()).ok).toBe(true);
    },
  );

  it.skipIf(kind.skipReason)(
    'keeps free text out of the chain and every address, id, name and text out of the logs',
    async () => {
      await giveConsent(h, { channel: 'whatsapp' });
      await send('whatsapp', textMessage('wamid.a', 'Start News Firma K7Q2X9', 1764849600));
      await send('whatsapp', textMessage('wamid.b', 'Löschen, ich bin Max, 0170 9876543', 1764849610));
      const { rows } = await store.client.query<{ payload: string }>(
        "SELECT payload FROM entries WHERE type = 'message_received' ORDER BY received_at, seq",
      );
      const [optin, erasure] = rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
      expect(optin).toMatchObject({ text: 'Start News Firma K7Q2X9', textMatchesConsent: true });
      expect(erasure?.['text']).toBeUndefined();
      expect(erasure?.['textHmac']).toMatch(/^[0-9a-f]{64}$/);
      expect(await count(store, 'inbound_texts')).toBe(2);
      const logs = JSON.stringify(h.logs);
      for (const secret of ['4917012345678', 'Anna', 'Max', '0170', 'Start News', 'wamid'])
        expect(logs).not.toContain(secret);
    },
  );
});
