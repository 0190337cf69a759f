import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveInboundConfig } from '../../src/inbound/config.js';
import { drainOutbox } from '../../src/inbound/outbox.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { body as threema } from '../fixtures/inbound/generic/threema.js';
import { body as line } from '../fixtures/inbound/line/message.js';
import { body as getStarted } from '../fixtures/inbound/meta/get-started.js';
import { body as telegram } from '../fixtures/inbound/telegram/start.js';
import { body as twilio, yes as twilioYes } from '../fixtures/inbound/twilio/optin.js';
import { body as viber } from '../fixtures/inbound/viber/message.js';
import { body as whatsapp } from '../fixtures/inbound/whatsapp/text.js';
import { storeKinds } from '../stores.js';
import { FakeApi, apiBases } from './fake-api.js';
import {
  type Harness,
  SETTINGS,
  admin,
  count,
  entryTypes,
  giveConsent,
  makeHarness,
  routeOf,
  routeVariables,
  signed,
} from './harness.js';

const thanks = (channel: string) =>
  `Danke! Sie erhalten ab jetzt News von Firma über ${channel}. Abmelden: jederzeit „Stop“ senden.`;

interface Case {
  provider: string;
  channel: string;
  body: string;
  /** The reply call the fake API must receive. */
  path: string;
  check(request: { body: string; headers: Record<string, string | string[] | undefined> }): void;
}

// docs/inbound.md, scenario 1: each provider confirms and replies with exactly the documented call.
const cases: Case[] = [
  {
    provider: 'telegram',
    channel: 'telegram',
    body: telegram,
    path: '/bot123456:bot-token/sendMessage',
    check: (request) =>
      expect(JSON.parse(request.body)).toEqual({ chat_id: 111111111, text: thanks('Telegram') }),
  },
  {
    provider: 'whatsapp',
    channel: 'whatsapp',
    body: whatsapp,
    path: '/106540352242922/messages',
    check: (request) => {
      expect(request.headers['authorization']).toBe('Bearer wa-access-token');
      expect(JSON.parse(request.body)).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '4917012345678',
        type: 'text',
        text: { body: thanks('WhatsApp') },
      });
    },
  },
  {
    provider: 'meta',
    channel: 'messenger',
    body: getStarted,
    path: '/me/messages?access_token=meta-page-token',
    check: (request) =>
      expect(JSON.parse(request.body)).toEqual({
        recipient: { id: '24012345678901234' },
        messaging_type: 'RESPONSE',
        message: { text: thanks('Messenger') },
      }),
  },
  {
    provider: 'viber',
    channel: 'viber',
    body: viber,
    path: '/pa/send_message',
    check: (request) => {
      expect(request.headers['x-viber-auth-token']).toBe('viber-auth-token');
      expect(JSON.parse(request.body)).toEqual({
        receiver: '01234567890A=',
        min_api_version: 1,
        sender: { name: 'Firma' },
        type: 'text',
        text: thanks('Viber'),
      });
    },
  },
  {
    provider: 'line',
    channel: 'line',
    body: line,
    path: '/v2/bot/message/reply',
    check: (request) => {
      expect(request.headers['authorization']).toBe('Bearer line-access-token');
      expect(JSON.parse(request.body)).toEqual({
        replyToken: 'b60d432864f44d079f6d8efe86cf404b',
        messages: [{ type: 'text', text: thanks('LINE') }],
      });
    },
  },
];

describe.each(storeKinds)('each provider confirms, on $name', (kind) => {
  let store: SqlStore;
  let h: Harness;
  let api: FakeApi;
  beforeAll(async () => {
    api = await new FakeApi().start();
  });
  afterAll(async () => api?.close());
  beforeEach(async () => {
    if (kind.skipReason) return;
    api.requests.length = 0;
    store = await kind.open();
    h = makeHarness(store, { ...SETTINGS, ...apiBases(api.url) });
  });
  afterEach(async () => store?.close());
  const drain = () => {
    const { config } = resolveInboundConfig({ ...SETTINGS, ...apiBases(api.url) }, routeVariables);
    if (!config) throw new Error('no config');
    return drainOutbox({ client: store.client, config, now: h.clock.now, random: () => 0.5 });
  };

  it.skipIf(kind.skipReason).each(cases)('$provider', async (item) => {
    const consentId = await giveConsent(h, { channel: item.channel });
    const answer = await h.app.request(routeOf(item.provider), signed(item.provider, item.body));
    expect(answer.status).toBe(200);
    expect(await entryTypes(store)).toEqual(['message_received', 'confirmed']);
    const bundle = (await (await h.app.request(`/v1/consents/${consentId}`, { headers: admin })).json()) as {
      inbound: Array<{ type: string }>;
    };
    expect(bundle.inbound.map((entry) => entry.type)).toEqual(['message_received', 'confirmed']);
    expect(await drain()).toEqual({ sent: 1, retry: 0, failed: 0, dropped: 0 });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.path).toBe(item.path);
    item.check({ body: request?.body ?? '', headers: request?.headers ?? {} });
    expect(await drain()).toEqual({ sent: 0, retry: 0, failed: 0, dropped: 0 });
  });

  it.skipIf(kind.skipReason)('twilio SMS asks once more and confirms on "Ja"', async () => {
    await giveConsent(h, { channel: 'sms' });
    const first = await h.app.request('/v1/inbound/twilio', signed('twilio', twilio));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/xml');
    expect(await first.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(await entryTypes(store)).toEqual(['message_received']);
    expect(await count(store, 'subscribers', "status = 'awaiting_reply'")).toBe(1);
    await drain();
    const ask = new URLSearchParams(api.requests[0]?.body ?? '');
    expect(api.requests[0]?.path).toBe(
      '/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json',
    );
    expect(api.requests[0]?.headers['authorization']).toBe(
      `Basic ${Buffer.from('AC0123456789abcdef0123456789abcdef:twilio-auth-token').toString('base64')}`,
    );
    expect(Object.fromEntries(ask)).toMatchObject({ To: '+4917012345678', From: '+4930123456789' });
    expect(ask.get('Body')).toContain('„Ja“');

    expect((await h.app.request('/v1/inbound/twilio', signed('twilio', twilioYes))).status).toBe(200);
    expect(await entryTypes(store)).toEqual(['message_received', 'message_received', 'confirmed']);
    expect(await count(store, 'subscribers', "status = 'confirmed'")).toBe(1);
    await drain();
    expect(new URLSearchParams(api.requests[1]?.body ?? '').get('Body')).toBe(thanks('SMS'));
  });

  it.skipIf(kind.skipReason)('generic endpoint confirms and hands the reply to the bridge', async () => {
    await giveConsent(h, { channel: 'threema' });
    const answer = await h.app.request('/v1/inbound', signed('generic', threema));
    expect(answer.status).toBe(200);
    const result = (await answer.json()) as Record<string, unknown>;
    expect(result).toMatchObject({
      status: 'stored',
      outcome: 'confirmed',
      reply: { text: thanks('Threema') },
    });
    expect(typeof result['entryId']).toBe('string');
    expect(await count(store, 'inbound_outbox')).toBe(0);
    const again = (await (await h.app.request('/v1/inbound', signed('generic', threema))).json()) as Record<
      string,
      unknown
    >;
    expect(again).toMatchObject({ status: 'duplicate', outcome: 'confirmed', entryId: result['entryId'] });
    const bad = await h.app.request('/v1/inbound', signed('generic', '{"channel":"pigeon","from":"x"}'));
    expect(bad.status).toBe(400);
    const issues = ((await bad.json()) as { issues: Array<{ path: string[] }> }).issues.map(
      (issue) => issue.path[0],
    );
    expect(issues).toEqual(expect.arrayContaining(['channel', 'messageId', 'receivedAt']));
  });
});
