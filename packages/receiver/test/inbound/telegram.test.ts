import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../src/store/sql-store.js';
import { body as start } from '../fixtures/inbound/telegram/start.js';
import { body as stop } from '../fixtures/inbound/telegram/stop.js';
import { storeKinds } from '../stores.js';
import { type Harness, admin, count, entryTypes, giveConsent, makeHarness, signed } from './harness.js';

describe.each(storeKinds)('Telegram webhook on $name', (kind) => {
  let store: SqlStore;
  let h: Harness;
  beforeEach(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    h = makeHarness(store);
  });
  afterEach(async () => store?.close());

  it.skipIf(kind.skipReason)('confirms the pending consent on START and withdraws it on Stop', async () => {
    const consentId = await giveConsent(h, { channel: 'telegram' });
    const answer = await h.app.request('/v1/inbound/telegram', signed('telegram', start));
    expect(answer.status).toBe(200);
    expect(await entryTypes(store)).toEqual(['message_received', 'confirmed']);
    const bundle = (await (await h.app.request(`/v1/consents/${consentId}`, { headers: admin })).json()) as {
      inbound: Array<{ type: string; record: Record<string, unknown> }>;
      chain: { ok: boolean };
    };
    expect(bundle.inbound.map((entry) => entry.type)).toEqual(['message_received', 'confirmed']);
    expect(bundle.inbound[0]?.record).toMatchObject({
      trigger: 'start',
      intent: 'optin',
      ref: 'K7Q2X9',
      text: '/start Start_News_Firma_K7Q2X9',
    });
    expect(bundle.chain.ok).toBe(true);
    expect(await count(store, 'inbound_outbox', "kind = 'confirmation'")).toBe(1);

    h.clock.advance(60_000);
    expect((await h.app.request('/v1/inbound/telegram', signed('telegram', stop))).status).toBe(200);
    expect(await entryTypes(store)).toEqual([
      'message_received',
      'confirmed',
      'message_received',
      'withdrawn',
    ]);
    expect(await count(store, 'subscribers', "status = 'withdrawn'")).toBe(1);
    expect(await count(store, 'inbound_outbox', "kind = 'withdrawal'")).toBe(1);
    expect((await store.verify()).ok).toBe(true);
  });

  it.skipIf(kind.skipReason)('answers 401 to a wrong secret and stores nothing', async () => {
    await giveConsent(h, { channel: 'telegram' });
    const request = signed('telegram', start, { TELEGRAM_WEBHOOK_SECRET: 'wrong' });
    expect((await h.app.request('/v1/inbound/telegram', request)).status).toBe(401);
    expect(await count(store, 'inbound_messages')).toBe(0);
  });
});
