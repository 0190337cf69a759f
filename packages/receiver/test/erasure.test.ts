import { randomUUID } from 'node:crypto';
import { composeMessage, fillNotice, renderNotice } from '@messenger-optin/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { SITE, makeEvent, post } from './events.js';
import { storeKinds } from './stores.js';

const TOKEN = 'test-admin-token-0123456789abcdef-0123456789abcdef';
const admin = { authorization: `Bearer ${TOKEN}` };

/** One visitor's flow as the widget records it: the notice rendered by the real SDK. */
async function visitorFlow(ref: string) {
  const config = {
    channel: 'whatsapp' as const,
    locale: 'de',
    company: 'Firma GmbH',
    purpose: 'News',
    privacyPolicy: 'https://firma.example/datenschutz',
    withdrawMessage: 'Stop News Firma GmbH',
    checkbox: true,
  };
  const notice = await renderNotice(config);
  const message = composeMessage({ keyword: 'Start {purpose}', purpose: 'News', company: 'Firma GmbH', ref });
  // What the visitor saw holds the message; what is archived does not.
  expect(
    fillNotice(notice, { message, ref })
      .firstLayer.map((block) => block.text)
      .join(' '),
  ).toContain(message);
  const { id, locale, version, sha256, text } = notice;
  const consentId = randomUUID();
  const common = { consentId, ref, message, notice: { id, locale, version, sha256 } };
  return {
    consentId,
    message,
    events: [
      makeEvent({ ...common, type: 'notice_shown', notice: { id, locale, version, sha256, text } }),
      makeEvent({ ...common, type: 'consent_given' }),
      makeEvent({ ...common, type: 'link_opened' }),
    ],
  };
}

/** Every row of every table of the database, as text. */
async function wholeDatabase(store: SqlStore): Promise<string> {
  const { rows: tables } = await store.client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  expect(tables.length).toBeGreaterThan(3);
  const dump: string[] = [];
  for (const { table_name: table } of tables) {
    const { rows } = await store.client.query(`SELECT * FROM "${table}"`);
    dump.push(JSON.stringify(rows));
  }
  return dump.join('\n');
}

describe.each(storeKinds)('erasure on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  const ingest = (body: unknown) => app.request('/v1/events', post(body, { origin: SITE }));

  beforeAll(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    app = createReceiver({
      store,
      allowedOrigins: [SITE],
      adminToken: TOKEN,
      logger: false,
      rateLimit: false,
    });
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)(
    'leaves neither the message nor the code anywhere in the database, archive included',
    async () => {
      const erased = await visitorFlow('K7Q2X9');
      const kept = await visitorFlow('M4RB8N');
      expect(await (await ingest([...erased.events, ...kept.events])).json()).toMatchObject({ accepted: 6 });
      // Same config, byte-identical text: one archive row for both visitors.
      const { rows } = await store.client.query('SELECT sha256 FROM notices');
      expect(rows).toHaveLength(1);
      const before = await wholeDatabase(store);
      expect(before).toContain(erased.message);
      expect(before).toContain('K7Q2X9');

      const answer = await app.request(`/v1/consents/${erased.consentId}`, {
        method: 'DELETE',
        headers: admin,
      });
      expect(answer.status).toBe(200);
      const after = await wholeDatabase(store);
      expect(after).not.toContain(erased.message);
      expect(after).not.toContain('K7Q2X9');
      // The other visitor's proof is untouched, and so is the archived text.
      expect(after).toContain(kept.message);
      expect(after).toContain('{message}');
      expect((await store.verify()).ok).toBe(true);
    },
  );

  it.skipIf(kind.skipReason)('refuses a notice text that carries the visitor message or code', async () => {
    const { events } = await visitorFlow('P9W3ZT');
    const shown = events[0] as { notice: { text: string }; message: string };
    const text = shown.notice.text.replace('{message}', shown.message);
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const leaking = { ...shown, eventId: randomUUID(), notice: { ...shown.notice, text, sha256 } };
    const response = await ingest([leaking]);
    expect(JSON.stringify(await response.json())).toContain("contains the visitor's message");
  });
});
