import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenSha256 } from '../../src/inbound/confirm-link.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { storeKinds } from '../stores.js';
import {
  type Harness,
  PUBLIC_URL,
  SETTINGS,
  admin,
  count,
  entryTypes,
  giveConsent,
  makeHarness,
  signed,
} from './harness.js';

/** An e-mail as an inbound-parse bridge posts it to the generic route. */
const email = (messageId: string, text: string, from = 'anna@example.com') =>
  JSON.stringify({
    channel: 'email',
    from,
    text,
    messageId,
    receivedAt: '2025-12-04T12:00:00Z',
  });

interface GenericAnswer {
  status: string;
  outcome: string;
  reply: { text: string } | null;
}

const linkIn = (text: string): string => {
  const found = /https:\/\/consent\.firma\.de\/v1\/inbound\/confirm\/[A-Za-z0-9_-]{43}/.exec(text);
  if (!found) throw new Error(`no confirmation link in: ${text}`);
  return found[0];
};

describe.each(storeKinds)('e-mail confirmation link on $name', (kind) => {
  let store: SqlStore;
  let h: Harness;

  const send = async (body: string): Promise<GenericAnswer> => {
    h.clock.advance(1000);
    const response = await h.app.request('/v1/inbound', signed('generic', body));
    expect(response.status).toBe(200);
    return (await response.json()) as GenericAnswer;
  };
  const open = (link: string, method = 'GET') => h.app.request(new URL(link).pathname, { method });
  const status = async (consentId: string) => {
    const { rows } = await store.client.query<{ state: string }>(
      'SELECT state FROM subscriptions WHERE consent_id = $1',
      [consentId],
    );
    return rows[0]?.state;
  };

  beforeEach(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    h = makeHarness(store);
  });
  afterEach(async () => {
    if (!kind.skipReason) await store.close();
  });

  it.skipIf(kind.skipReason)(
    'an e-mail opt-in gets a one-time link; GET changes nothing, POST confirms via link, then 410',
    async () => {
      const consentId = await giveConsent(h, { channel: 'email' });
      const answer = await send(email('mail-1', 'Start News Firma K7Q2X9'));
      expect(answer.outcome).toBe('awaiting_reply');
      expect(answer.reply?.text).toMatch(
        /^Bitte bestätigen Sie: .* Dann antworten Sie mit „Ja“\. Oder bestätigen/,
      );
      const link = linkIn(answer.reply?.text ?? '');
      expect(link.startsWith(`${PUBLIC_URL}/v1/inbound/confirm/`)).toBe(true);

      // Only the SHA-256 of the token is stored, nowhere the token or the link.
      const token = link.split('/').at(-1) ?? '';
      const { rows } = await store.client.query<{ token_sha256: string }>(
        'SELECT token_sha256 FROM inbound_confirm_links',
      );
      expect(rows).toEqual([{ token_sha256: tokenSha256(token) }]);
      const dump = JSON.stringify(
        (await store.client.query('SELECT * FROM entries')).rows.concat(
          (await store.client.query('SELECT * FROM inbound_outbox')).rows,
          (await store.client.query('SELECT * FROM inbound_texts')).rows,
        ),
      );
      expect(dump).not.toContain(token);

      // A mail scanner opening the link (twice) confirms nothing.
      for (let i = 0; i < 2; i += 1) {
        const page = await open(link);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(page.headers.get('referrer-policy')).toBe('no-referrer');
        const html = await page.text();
        expect(html).toContain('<html lang="de">');
        expect(html).toContain('<form method="post">');
        expect(html).toContain('Möchten Sie News von Firma per E-Mail erhalten?');
      }
      expect(await status(consentId)).toBe('awaiting_reply');
      expect(await entryTypes(store)).toEqual(['message_received']);

      const confirmed = await open(link, 'POST');
      expect(confirmed.status).toBe(200);
      expect(await confirmed.text()).toContain('Danke! Sie erhalten ab jetzt News von Firma über E-Mail.');
      expect(await status(consentId)).toBe('confirmed');
      expect(await entryTypes(store)).toEqual(['message_received', 'confirmed']);
      const bundle = (await (
        await h.app.request(`/v1/consents/${consentId}`, { headers: admin })
      ).json()) as {
        inbound: Array<{ type: string; record: Record<string, unknown> }>;
        chain: { ok: boolean };
      };
      expect(bundle.inbound.find((entry) => entry.type === 'confirmed')?.record).toMatchObject({
        consentId,
        via: 'link',
      });
      expect(bundle.chain.ok).toBe(true);

      // Used: 410 on GET and POST, nothing new written.
      expect((await open(link)).status).toBe(410);
      const again = await open(link, 'POST');
      expect(again.status).toBe(410);
      expect(await again.text()).toContain('Dieser Link wurde schon benutzt.');
      expect(await entryTypes(store)).toEqual(['message_received', 'confirmed']);
    },
  );

  it.skipIf(kind.skipReason)('an unknown or malformed token is 404 and writes nothing', async () => {
    await giveConsent(h, { channel: 'email' });
    await send(email('mail-1', 'Start News Firma K7Q2X9'));
    for (const token of ['A'.repeat(43), 'short', 'A'.repeat(42) + '%2F'])
      for (const method of ['GET', 'POST']) {
        const response = await h.app.request(`/v1/inbound/confirm/${token}`, { method });
        expect(response.status, `${method} ${token}`).toBe(404);
      }
    expect(await count(store, 'inbound_confirm_links', 'used_at IS NOT NULL')).toBe(0);
  });

  it.skipIf(kind.skipReason)('a link is valid for 7 days; afterwards 410 and no confirmation', async () => {
    const consentId = await giveConsent(h, { channel: 'email', locale: 'en' });
    const answer = await send(email('mail-1', 'Start News Firma K7Q2X9'));
    expect(answer.reply?.text).toContain('Or confirm with this link (valid for 7 days): ');
    const link = linkIn(answer.reply?.text ?? '');
    h.clock.advance(7 * 86_400_000 - 5_000);
    expect((await open(link)).status).toBe(200);
    h.clock.advance(10_000);
    const late = await open(link, 'POST');
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('This link has expired.');
    expect(await status(consentId)).toBe('awaiting_reply');
  });

  it.skipIf(kind.skipReason)(
    'after "Ja" the link only says it is confirmed; after Stop it is no longer valid',
    async () => {
      await giveConsent(h, { channel: 'email' });
      const first = linkIn((await send(email('mail-1', 'Start News Firma K7Q2X9'))).reply?.text ?? '');
      expect((await send(email('mail-2', 'Ja'))).outcome).toBe('confirmed');
      const page = await open(first, 'POST');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Ihre Anmeldung ist schon bestätigt.');
      expect(await entryTypes(store)).toEqual(['message_received', 'message_received', 'confirmed']);

      await giveConsent(h, { channel: 'email', ref: 'M3X9Q2' });
      const second = linkIn(
        (await send(email('mail-3', 'Start News Firma M3X9Q2', 'ben@example.com'))).reply?.text ?? '',
      );
      await send(email('mail-4', 'Stop', 'ben@example.com'));
      expect((await open(second, 'POST')).status).toBe(410);
    },
  );

  it.skipIf(kind.skipReason)('an SMS opt-in asks for "Ja" only: the link is for e-mail', async () => {
    await giveConsent(h, { channel: 'sms' });
    const body = JSON.stringify({
      channel: 'sms',
      from: '+4917012345678',
      text: 'Start News Firma K7Q2X9',
      messageId: 'sms-1',
      receivedAt: '2025-12-04T12:00:00Z',
    });
    const answer = await send(body);
    expect(answer.outcome).toBe('awaiting_reply');
    expect(answer.reply?.text).not.toContain('http');
    expect(await count(store, 'inbound_confirm_links')).toBe(0);
  });

  it.skipIf(kind.skipReason)('without RECEIVER_PUBLIC_URL the reply asks for "Ja" only', async () => {
    const { RECEIVER_PUBLIC_URL: _url, TWILIO_AUTH_TOKEN: _twilio, ...rest } = SETTINGS;
    h = makeHarness(store, rest);
    await giveConsent(h, { channel: 'email' });
    const answer = await send(email('mail-1', 'Start News Firma K7Q2X9'));
    expect(answer.outcome).toBe('awaiting_reply');
    expect(answer.reply?.text).not.toContain('http');
    expect(await count(store, 'inbound_confirm_links')).toBe(0);
  });
});
