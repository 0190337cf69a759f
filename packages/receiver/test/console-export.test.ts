import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { SITE, makeEvent, post } from './events.js';
import { storeKinds } from './stores.js';

const TOKEN = 'test-admin-token-0123456789-abcdef';
const admin = { authorization: `Bearer ${TOKEN}` };

describe.each(storeKinds)('exports on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  let clock = new Date('2026-11-02T10:00:00.000Z');
  const consents = { whatsapp: randomUUID(), telegram: randomUUID(), formula: randomUUID() };
  const download = async (path: string) => {
    const response = await app.request(path, { headers: admin });
    expect(response.status, path).toBe(200);
    return {
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      text: await response.text(),
    };
  };

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
    const events = [
      makeEvent({ consentId: consents.whatsapp, type: 'consent_given', channel: 'whatsapp', ref: 'WA01' }),
      makeEvent({ consentId: consents.whatsapp, type: 'link_opened', channel: 'whatsapp', ref: 'WA01' }),
      makeEvent({ consentId: consents.telegram, type: 'consent_given', channel: 'telegram', ref: 'TG01' }),
      makeEvent({
        consentId: consents.formula,
        type: 'consent_given',
        channel: 'sms',
        ref: 'FM01',
        message: '=HYPERLINK("x")',
      }),
    ];
    expect((await app.request('/v1/events', post(events.slice(0, 2), { origin: SITE }))).status).toBe(200);
    clock = new Date('2026-11-03T10:00:00.000Z');
    expect((await app.request('/v1/events', post(events.slice(2), { origin: SITE }))).status).toBe(200);
    const confirmed = await app.request(`/v1/consents/${consents.telegram}/confirm`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Start News Firma TG01' }),
    });
    expect(confirmed.status).toBe(201);
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)('streams events as NDJSON, filtered by type, channel and time', async () => {
    const all = await download('/v1/export?format=ndjson');
    expect(all.type).toContain('application/x-ndjson');
    expect(all.disposition).toMatch(/consent-log-\d{4}-\d{2}-\d{2}\.ndjson/);
    const lines = all.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { consentId: string; type: string });
    expect(lines).toHaveLength(5);
    const given = await download('/v1/export?format=ndjson&type=consent_given&channel=whatsapp');
    expect(
      given.text
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { consentId: string }).consentId),
    ).toEqual([consents.whatsapp]);
    const later = await download('/v1/export?format=ndjson&from=2026-11-03T00:00:00Z');
    expect(later.text.trimEnd().split('\n')).toHaveLength(3);
    expect((await app.request('/v1/export?format=xml', { headers: admin })).status).toBe(400);
  });

  it.skipIf(kind.skipReason)('keeps spreadsheet formulas inert in the CSV', async () => {
    const csv = await download('/v1/export?format=csv&channel=sms');
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it.skipIf(kind.skipReason)('exports subscribers with their state as CSV, JSON and NDJSON', async () => {
    const csv = await download('/v1/export/subscribers?format=csv');
    expect(csv.type).toContain('text/csv');
    const [header, ...rows] = csv.text.trimEnd().split('\r\n');
    expect(header).toBe(
      'consent_id,site,channel,state,ref,purpose,notice_version,subscribed_at,consent_given_at,link_opened_at,confirmed_at,withdrawn_at,erased_at,kind,subscriber_id',
    );
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.startsWith(consents.telegram))).toBe(
      `${consents.telegram},${SITE},telegram,confirmed,TG01,News,v1,2026-11-03T10:00:00.000Z,2026-11-03T10:00:00.000Z,,2026-11-03T10:00:00.000Z,,,web,`,
    );
    const json = JSON.parse(
      (await download('/v1/export/subscribers?format=json&state=pending')).text,
    ) as Array<{ consentId: string }>;
    expect(json.map((row) => row.consentId).sort()).toEqual([consents.whatsapp, consents.formula].sort());
    const ndjson = await download('/v1/export/subscribers?format=ndjson&ref=wa01');
    expect(
      ndjson.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { ref: string }),
    ).toMatchObject([{ ref: 'WA01', channel: 'whatsapp', state: 'pending' }]);
    expect((await app.request('/v1/export/subscribers')).status).toBe(401);
  });
});
