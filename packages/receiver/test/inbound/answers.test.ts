import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../src/store/sql-store.js';
import { body as line, redelivery } from '../fixtures/inbound/line/message.js';
import { body as getStarted } from '../fixtures/inbound/meta/get-started.js';
import { body as telegram } from '../fixtures/inbound/telegram/start.js';
import { body as twilio } from '../fixtures/inbound/twilio/optin.js';
import { body as viberStarted } from '../fixtures/inbound/viber/conversation-started.js';
import { body as viber } from '../fixtures/inbound/viber/message.js';
import { body as whatsapp } from '../fixtures/inbound/whatsapp/text.js';
import { storeKinds } from '../stores.js';
import {
  HASH_KEY,
  type Harness,
  SETTINGS,
  count,
  giveConsent,
  makeHarness,
  routeOf,
  signed,
} from './harness.js';

const fixtures: Array<[string, string]> = [
  ['telegram', telegram],
  ['whatsapp', whatsapp],
  ['meta', getStarted],
  ['viber', viber],
  ['line', line],
  ['twilio', twilio],
];

describe.each(storeKinds)('webhook answers on $name', (kind) => {
  let store: SqlStore;
  let h: Harness;
  beforeEach(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    h = makeHarness(store);
  });
  afterEach(async () => store?.close());

  it.skipIf(kind.skipReason)('answers 401 to a missing or wrong signature and stores nothing', async () => {
    await giveConsent(h, { channel: 'telegram' });
    for (const [provider, body] of fixtures) {
      const wrong = signed(provider, body, {
        ...SETTINGS,
        TELEGRAM_WEBHOOK_SECRET: 'other',
        WHATSAPP_APP_SECRET: 'other',
        META_APP_SECRET: 'other',
        VIBER_AUTH_TOKEN: 'other',
        LINE_CHANNEL_SECRET: 'other',
        TWILIO_AUTH_TOKEN: 'other',
      });
      expect((await h.app.request(routeOf(provider), wrong)).status, provider).toBe(401);
      const bare = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
      expect((await h.app.request(routeOf(provider), bare)).status, provider).toBe(401);
    }
    // Meta signs the raw bytes: the same JSON re-serialized does not pass.
    const reserialized = JSON.stringify(JSON.parse(whatsapp) as unknown, null, 1);
    const request = signed('whatsapp', whatsapp);
    expect((await h.app.request('/v1/inbound/whatsapp', { ...request, body: reserialized })).status).toBe(
      401,
    );
    expect(await count(store, 'inbound_messages')).toBe(0);
    expect(h.stats.count('requests', { provider: 'telegram', result: 'unauthorized' })).toBe(2);
  });

  it.skipIf(kind.skipReason)('answers 404 for an unconfigured provider', async () => {
    const bare = makeHarness(store, { RECEIVER_HASH_KEY: HASH_KEY, INBOUND_TOKEN: 'x'.repeat(32) });
    for (const [provider, body] of fixtures)
      expect((await bare.app.request(routeOf(provider), signed(provider, body))).status, provider).toBe(404);
    expect((await bare.app.request('/v1/inbound/meta?hub.mode=subscribe')).status).toBe(404);
    const off = makeHarness(store, {});
    expect((await off.app.request('/v1/inbound', signed('generic', '{}'))).status).toBe(404);
  });

  it.skipIf(kind.skipReason)('answers 413 for a body over 4 MiB before checking anything', async () => {
    const huge = 'x'.repeat(4 * 1024 * 1024 + 1);
    expect((await h.app.request('/v1/inbound/telegram', { method: 'POST', body: huge })).status).toBe(413);
  });

  it.skipIf(kind.skipReason)(
    'echoes the Meta and WhatsApp challenge, 403 on a wrong verify token',
    async () => {
      const ok = await h.app.request(
        '/v1/inbound/meta?hub.mode=subscribe&hub.verify_token=meta-verify-token&hub.challenge=1158201444',
      );
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toContain('text/plain');
      expect(await ok.text()).toBe('1158201444');
      const wa = await h.app.request(
        '/v1/inbound/whatsapp?hub.mode=subscribe&hub.verify_token=wa-verify-token&hub.challenge=abc',
      );
      expect(await wa.text()).toBe('abc');
      const wrong = await h.app.request(
        '/v1/inbound/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
      );
      expect(wrong.status).toBe(403);
    },
  );

  it.skipIf(kind.skipReason)('stores a delivery once, in sequence and concurrently', async () => {
    await giveConsent(h, { channel: 'telegram' });
    const answers = await Promise.all(
      [1, 2, 3].map(() => h.app.request('/v1/inbound/telegram', signed('telegram', telegram))),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect((await h.app.request('/v1/inbound/telegram', signed('telegram', telegram))).status).toBe(200);
    expect(await count(store, 'inbound_messages')).toBe(1);
    expect(await count(store, 'inbound_outbox')).toBe(1);
    expect(await count(store, 'entries', "type = 'confirmed'")).toBe(1);
    expect(h.stats.count('requests', { provider: 'telegram', result: 'duplicate' })).toBe(3);
  });

  it.skipIf(kind.skipReason)(
    'treats a LINE redelivery and a Twilio URL with :443 as the same delivery',
    async () => {
      await giveConsent(h, { channel: 'line' });
      await h.app.request('/v1/inbound/line', signed('line', line));
      expect((await h.app.request('/v1/inbound/line', signed('line', redelivery))).status).toBe(200);
      expect(await count(store, 'inbound_messages', "provider = 'line'")).toBe(1);

      await giveConsent(h, { channel: 'sms' });
      expect((await h.app.request('/v1/inbound/twilio', signed('twilio', twilio))).status).toBe(200);
      const withPort = signed('twilio', twilio, {
        ...SETTINGS,
        RECEIVER_PUBLIC_URL: 'https://consent.firma.de:443',
      });
      expect((await h.app.request('/v1/inbound/twilio', withPort)).status).toBe(200);
      expect(await count(store, 'inbound_messages', "provider = 'twilio'")).toBe(1);
      const ruled = signed('twilio', twilio);
      (ruled.headers as Record<string, string>)['x-twilio-webhooks-signature-settings'] = 'v1';
      expect((await h.app.request('/v1/inbound/twilio', ruled)).status).toBe(401);
    },
  );

  it.skipIf(kind.skipReason)(
    'keeps Viber tokens …145 and …146 apart (read losslessly from the raw body)',
    async () => {
      await giveConsent(h, { channel: 'viber' });
      await h.app.request('/v1/inbound/viber', signed('viber', viberStarted));
      await h.app.request('/v1/inbound/viber', signed('viber', viber));
      const { rows } = await store.client.query<{ provider_message_id: string; outcome: string }>(
        "SELECT provider_message_id, outcome FROM inbound_messages WHERE provider = 'viber' ORDER BY received_at, provider_message_id",
      );
      expect(rows.map((row) => row.provider_message_id).sort()).toEqual([
        '4912661846655238145',
        '4912661846655238146',
      ]);
      expect(rows.map((row) => row.outcome).sort()).toEqual(['chat_opened', 'confirmed']);
    },
  );

  it.skipIf(kind.skipReason)(
    'answers 200 to a signed payload it does not understand, counts and warns once',
    async () => {
      const body = '{"object":"whatsapp_business_account","entry":[{"changes":[{"value":"not an object"}]}]}';
      const answer = await h.app.request('/v1/inbound/whatsapp', signed('whatsapp', body));
      expect(answer.status).toBe(200);
      expect(h.stats.count('ignored', { provider: 'whatsapp', reason: 'unparseable' })).toBe(1);
      expect(h.logs.filter((line) => line['level'] === 'warn')).toHaveLength(1);
      const notJson = await h.app.request('/v1/inbound/telegram', signed('telegram', 'not json'));
      expect(notJson.status).toBe(200);
      expect(await count(store, 'inbound_messages')).toBe(0);
      // Telegram's own status updates and WhatsApp receipts are ignored, not stored.
      const status =
        '{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"metadata":{"phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.x","status":"read"}]},"field":"messages"}]}]}';
      expect((await h.app.request('/v1/inbound/whatsapp', signed('whatsapp', status))).status).toBe(200);
      expect(h.stats.count('ignored', { provider: 'whatsapp', reason: 'status_update' })).toBe(1);
    },
  );
});
