import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type InboundConfig, resolveInboundConfig } from '../../src/inbound/config.js';
import { drainOutbox } from '../../src/inbound/outbox.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { body as start } from '../fixtures/inbound/telegram/start.js';
import { body as whatsapp } from '../fixtures/inbound/whatsapp/text.js';
import { storeKinds } from '../stores.js';
import { FakeApi, apiBases } from './fake-api.js';
import {
  type Harness,
  SETTINGS,
  count,
  giveConsent,
  makeHarness,
  routeVariables,
  signed,
} from './harness.js';

describe.each(storeKinds)('reply outbox on $name', (kind) => {
  let store: SqlStore;
  let h: Harness;
  let api: FakeApi;
  let config: InboundConfig;
  beforeAll(async () => {
    api = await new FakeApi().start();
  });
  afterAll(async () => api?.close());
  beforeEach(async () => {
    if (kind.skipReason) return;
    api.requests.length = 0;
    store = await kind.open();
    const settings = { ...SETTINGS, ...apiBases(api.url) };
    h = makeHarness(store, settings);
    config = resolveInboundConfig(settings, routeVariables).config as InboundConfig;
  });
  afterEach(async () => store?.close());
  const drain = () => drainOutbox({ client: store.client, config, now: h.clock.now, random: () => 0.999 });
  const status = async () =>
    (
      await store.client.query<{ status: string; attempts: number; last_error: string | null }>(
        'SELECT status, attempts, last_error FROM inbound_outbox',
      )
    ).rows[0];

  it.skipIf(kind.skipReason)(
    'delivers once after 500, 500, 200; the inbound rows were committed before',
    async () => {
      await giveConsent(h, { channel: 'telegram' });
      await h.app.request('/v1/inbound/telegram', signed('telegram', start));
      expect(await count(store, 'entries', "type = 'confirmed'")).toBe(1);
      api.answer({ status: 500 }, { status: 500 });
      expect(await drain()).toMatchObject({ retry: 1 });
      expect(await drain()).toMatchObject({ retry: 0, sent: 0 });
      h.clock.advance(10 * 60_000);
      expect(await drain()).toMatchObject({ retry: 1 });
      h.clock.advance(10 * 60_000);
      expect(await drain()).toMatchObject({ sent: 1 });
      h.clock.advance(10 * 60_000);
      expect(await drain()).toMatchObject({ sent: 0, retry: 0 });
      expect(api.requests).toHaveLength(3);
      expect(await status()).toMatchObject({ status: 'sent', attempts: 3 });
    },
  );

  it.skipIf(kind.skipReason)('waits at least Retry-After before the next attempt', async () => {
    await giveConsent(h, { channel: 'telegram' });
    await h.app.request('/v1/inbound/telegram', signed('telegram', start));
    api.answer({ status: 429, headers: { 'retry-after': '2' } });
    const random = () => 0;
    await drainOutbox({ client: store.client, config, now: h.clock.now, random });
    h.clock.advance(1_999);
    await drainOutbox({ client: store.client, config, now: h.clock.now, random });
    expect(api.requests).toHaveLength(1);
    h.clock.advance(1);
    await drainOutbox({ client: store.client, config, now: h.clock.now, random });
    expect(api.requests).toHaveLength(2);
    expect(await status()).toMatchObject({ status: 'sent' });
  });

  it.skipIf(kind.skipReason)('does not retry a permanent error', async () => {
    await giveConsent(h, { channel: 'telegram' });
    await h.app.request('/v1/inbound/telegram', signed('telegram', start));
    api.answer({ status: 403, body: { ok: false, description: 'Forbidden: bot was blocked by the user' } });
    expect(await drain()).toMatchObject({ failed: 1 });
    h.clock.advance(3_600_000);
    expect(await drain()).toMatchObject({ failed: 0, retry: 0, sent: 0 });
    expect(api.requests).toHaveLength(1);
    expect(await status()).toMatchObject({ status: 'failed' });
  });

  it.skipIf(kind.skipReason)('drops a WhatsApp reply whose 24 h window closed', async () => {
    await giveConsent(h, { channel: 'whatsapp' });
    await h.app.request('/v1/inbound/whatsapp', signed('whatsapp', whatsapp));
    h.clock.advance(25 * 3_600_000);
    expect(await drain()).toMatchObject({ dropped: 1 });
    expect(api.requests).toHaveLength(0);
    expect(await status()).toMatchObject({ status: 'dropped', last_error: 'window_closed' });
  });

  it.skipIf(kind.skipReason)('queues nothing without send credentials', async () => {
    const { TELEGRAM_BOT_TOKEN: _token, ...settings } = SETTINGS;
    const bare = makeHarness(store, settings);
    await giveConsent(bare, { channel: 'telegram' });
    expect((await bare.app.request('/v1/inbound/telegram', signed('telegram', start))).status).toBe(200);
    expect(await count(store, 'entries', "type = 'confirmed'")).toBe(1);
    expect(await count(store, 'inbound_outbox')).toBe(0);
  });

  it.skipIf(kind.skipReason)('answers the webhook at once while the provider API hangs', async () => {
    await giveConsent(h, { channel: 'telegram' });
    api.answer('hang');
    const started = performance.now();
    expect((await h.app.request('/v1/inbound/telegram', signed('telegram', start))).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(api.requests).toHaveLength(0);
  });
});
