import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { NOTICE_SHA, NOTICE_TEXT, SITE, makeEvent, makeFlow, post } from './events.js';
import { storeKinds } from './stores.js';

describe.each(storeKinds)('POST /v1/events on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  const send = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/v1/events', post(body, { origin: SITE, ...headers }));

  beforeAll(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    app = createReceiver({
      store,
      allowedOrigins: [SITE, 'https://other.example'],
      logger: false,
      rateLimit: false,
    });
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(kind.skipReason)('stores a valid batch and counts each event once', async () => {
    const batch = makeFlow();
    const response = await send(batch);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    expect(response.headers.get('rejected-indexes')).toBeNull();
    const { rows } = await store.client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM entries WHERE entry_id = ANY($1::uuid[])',
      [batch.map((event) => event.eventId)],
    );
    expect(rows[0]?.n).toBe(3);
  });

  it.skipIf(kind.skipReason)('answers a resent batch with duplicates and stores nothing twice', async () => {
    const batch = makeFlow();
    await send(batch);
    const again = await send([...batch, batch[0]]);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 4, rejected: [] });
    const { rows } = await store.client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM entries WHERE consent_id = $1',
      [batch[0]?.consentId],
    );
    expect(rows[0]?.n).toBe(3);
  });

  it.skipIf(kind.skipReason)('counts an eventId repeated inside one batch as a duplicate', async () => {
    const event = makeEvent();
    expect(await (await send([event, event])).json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
  });

  it.skipIf(kind.skipReason)(
    'stores the valid items of a mixed batch and lists the invalid ones by index',
    async () => {
      const good = [makeEvent(), makeEvent()];
      const response = await send([good[0], { ...makeEvent(), type: 'clicked' }, good[1], 'not an event']);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        accepted: number;
        rejected: Array<{ index: number; issues: Array<{ path: unknown[] }> }>;
      };
      expect(body.accepted).toBe(2);
      expect(body.rejected.map((item) => item.index)).toEqual([1, 3]);
      // what the SDK reads (it leaves the body alone)
      expect(response.headers.get('rejected-indexes')).toBe('1,3');
      expect(body.rejected[0]?.issues[0]?.path).toEqual(['type']);
    },
  );

  it.skipIf(kind.skipReason)('answers 400 with the issues when no item is valid', async () => {
    const response = await send([
      { ...makeEvent(), eventId: 'not-a-uuid' },
      { ...makeEvent(), extra: 1 },
    ]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: string;
      issues: Array<{ path: unknown[] }>;
      rejected: unknown[];
    };
    expect(body.error).toBe('no_valid_events');
    expect(body.rejected).toHaveLength(2);
    expect(body.issues.map((issue) => issue.path)).toEqual([[0, 'eventId'], [1]]);
  });

  it.skipIf(kind.skipReason)('answers 400 to malformed JSON, a non-array and an empty batch', async () => {
    const malformed = await send('[{"schema": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toBe('invalid_json');

    const object = await send(makeEvent());
    expect(object.status).toBe(400);
    const body = (await object.json()) as { error: string; issues: Array<{ code: string }> };
    expect(body.error).toBe('not_an_array');
    expect(body.issues[0]?.code).toBe('invalid_type');

    expect((await send([])).status).toBe(400);
  });

  it.skipIf(kind.skipReason)(
    'accepts application/json as well as text/plain, and refuses other types',
    async () => {
      expect((await send([makeEvent()], { 'content-type': 'application/json' })).status).toBe(200);
      expect(
        (await send([makeEvent()], { 'content-type': 'application/x-www-form-urlencoded' })).status,
      ).toBe(415);
    },
  );

  it.skipIf(kind.skipReason)(
    'refuses a body over 1 MB by Content-Length and by counting a chunked body',
    async () => {
      const big = JSON.stringify([makeEvent({ purpose: 'x'.repeat(150) })]).padEnd(1024 * 1024 + 1, ' ');
      const declared = await send(big);
      expect(declared.status).toBe(413);

      // A streamed body has no Content-Length: the bytes are counted while reading.
      const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 20) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const chunked = await app.request('/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: SITE },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(sent).toBeLessThan(20); // stopped reading once over the limit
    },
  );

  it.skipIf(kind.skipReason)('refuses an unknown Origin with 403 and stores nothing', async () => {
    const event = makeEvent({ page: { origin: 'https://evil.example', path: '/' } });
    const response = await send([event], { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    // readable by the page, so the SDK reports the events instead of retrying a network error
    expect(response.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(response.headers.get('vary')).toBe('Origin');
    const { rows } = await store.client.query('SELECT 1 FROM entries WHERE entry_id = $1', [event.eventId]);
    expect(rows).toHaveLength(0);
  });

  it.skipIf(kind.skipReason)('rejects an event whose page.origin is not the posting origin', async () => {
    const response = await send([
      makeEvent(),
      makeEvent({ page: { origin: 'https://other.example', path: '/' } }),
    ]);
    const body = (await response.json()) as {
      accepted: number;
      rejected: Array<{ index: number; issues: Array<{ path: unknown[] }> }>;
    };
    expect(body.accepted).toBe(1);
    expect(body.rejected[0]).toMatchObject({ index: 1, issues: [{ path: ['page', 'origin'] }] });
  });

  it.skipIf(kind.skipReason)(
    'refuses a page.path with a query string or fragment: they can hold personal data',
    async () => {
      const response = await send([
        makeEvent(),
        makeEvent({ page: { origin: SITE, path: '/thanks?email=max@example.com' } }),
        makeEvent({ page: { origin: SITE, path: '/thanks#tel=+4917012345' } }),
      ]);
      const body = (await response.json()) as {
        accepted: number;
        rejected: Array<{ index: number; issues: Array<{ path: unknown[]; message: string }> }>;
      };
      expect(body.accepted).toBe(1);
      expect(body.rejected.map((item) => [item.index, item.issues.map((issue) => issue.path)])).toEqual([
        [1, [['page', 'path']]],
        [2, [['page', 'path']]],
      ]);
      expect(body.rejected[0]?.issues[0]?.message).toMatch(/without query string or fragment/);
    },
  );

  it.skipIf(kind.skipReason)(
    'refuses a page.origin that is not an origin, also from senders without an Origin header',
    async () => {
      const origins = [
        'Max Mustermann <max@example.com>',
        'https://shop.example/news',
        'https://user@shop.example',
        'HTTPS://SHOP.EXAMPLE',
        '',
      ];
      // A receiver without an allowlist, open to senders without Origin (the demo's setting).
      const open = createReceiver({ store, logger: false, rateLimit: false });
      const response = await open.request(
        '/v1/events',
        post([
          makeEvent({ page: { origin: 'https://shop.example:8443', path: '/' } }),
          ...origins.map((origin) => makeEvent({ page: { origin, path: '/' } })),
        ]),
      );
      const body = (await response.json()) as {
        accepted: number;
        rejected: Array<{ index: number; issues: Array<{ path: unknown[] }> }>;
      };
      expect(body.accepted).toBe(1);
      expect(body.rejected.map((item) => item.index)).toEqual([1, 2, 3, 4, 5]);
      for (const item of body.rejected)
        expect(item.issues.map((issue) => issue.path)).toEqual([['page', 'origin']]);
    },
  );

  describe('refuses events without the evidence their type needs', () => {
    const { text: _text, ...noticeRef } = makeFlow()[0]!['notice'] as Record<string, unknown>;
    const { notice: _notice, ...withoutNotice } = makeEvent();
    const { action: _action, ...withoutAction } = makeEvent();
    it.skipIf(kind.skipReason).each([
      [
        'notice_shown without notice.text',
        { ...makeEvent({ type: 'notice_shown', notice: noticeRef }) },
        ['notice', 'text'],
      ],
      ['notice_shown without notice', { ...withoutNotice, type: 'notice_shown' }, ['notice', 'text']],
      ['consent_given without notice', { ...withoutNotice, type: 'consent_given' }, ['notice']],
      ['consent_given without action', { ...withoutAction, type: 'consent_given' }, ['action']],
      ['withdrawal_requested without notice', { ...withoutNotice, type: 'withdrawal_requested' }, ['notice']],
    ])('%s', async (_name, event, path) => {
      const response = await send([makeEvent(), { ...event, eventId: makeEvent()['eventId'] }]);
      const body = (await response.json()) as {
        accepted: number;
        rejected: Array<{ index: number; issues: Array<{ path: unknown[]; message: string }> }>;
      };
      expect(body.accepted).toBe(1);
      expect(body.rejected).toEqual([
        { index: 1, issues: [{ path, code: 'custom', message: expect.stringMatching(/^is required for /) }] },
      ]);
    });

    it.skipIf(kind.skipReason)(
      'and accepts a withdrawal with its notice but no ref, message or action',
      async () => {
        const { ref: _ref, message: _message, ...withdrawal } = withoutAction;
        const response = await send([{ ...withdrawal, type: 'withdrawal_requested' }]);
        expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
      },
    );
  });

  it.skipIf(kind.skipReason)(
    'answers a CORS preflight for allowed origins only, and exposes Retry-After',
    async () => {
      const preflight = (origin: string) =>
        app.request('/v1/events', {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const allowed = await preflight(SITE);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE);
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      expect((await preflight('https://evil.example')).status).toBe(403);

      const answer = await send([makeEvent()]);
      expect(answer.headers.get('access-control-allow-origin')).toBe(SITE);
      expect(answer.headers.get('access-control-expose-headers')).toBe('Retry-After, Rejected-Indexes');
      expect(answer.headers.get('vary')).toBe('Origin');
    },
  );

  it.skipIf(kind.skipReason)('stores SQL-looking strings literally', async () => {
    const sneaky = String.raw`'); DROP TABLE entries; -- {"a",b} \N NULL \x00`;
    const event = makeEvent({
      purpose: sneaky,
      message: `Start ${sneaky}`,
      page: { origin: SITE, path: "/x' OR '1'='1" },
    });
    expect(await (await send([event])).json()).toMatchObject({ accepted: 1 });
    const bundle = await store.getConsent(event.consentId as string);
    expect(bundle?.events[0]?.record).toMatchObject({
      purpose: sneaky,
      message: `Start ${sneaky}`,
      page: { path: "/x' OR '1'='1" },
    });
    expect((await store.verify()).ok).toBe(true);
  });

  it.skipIf(kind.skipReason)(
    'rejects strings PostgreSQL cannot store instead of failing the batch',
    async () => {
      const response = await send([makeEvent(), makeEvent({ purpose: 'a\u0000b' })]);
      expect(await response.json()).toMatchObject({
        accepted: 1,
        rejected: [{ index: 1, issues: [{ path: ['purpose'] }] }],
      });
    },
  );

  it.skipIf(kind.skipReason)('archives each notice text once, and only under its true sha256', async () => {
    await send(makeFlow());
    await send(makeFlow());
    const { rows } = await store.client.query<{ text: string }>(
      'SELECT text FROM notices WHERE sha256 = $1',
      [NOTICE_SHA],
    );
    expect(rows).toEqual([{ text: NOTICE_TEXT }]);

    const forged = makeEvent({
      type: 'notice_shown',
      notice: {
        id: 'whatsapp.en.v1',
        locale: 'en',
        version: 'v1',
        sha256: NOTICE_SHA,
        text: `${NOTICE_TEXT} (changed)`,
      },
    });
    const response = await send([forged]);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      rejected: [{ index: 0, issues: [{ path: ['notice', 'sha256'] }] }],
    });
  });

  it.skipIf(kind.skipReason)('takes receivedAt from the server and keeps no address', async () => {
    const fixed = new Date('2026-11-28T02:00:00.000Z');
    const clocked = createReceiver({
      store,
      allowedOrigins: [SITE],
      logger: false,
      rateLimit: false,
      now: () => fixed,
    });
    const event = makeEvent({ sentAt: '2026-11-28T01:59:58.500Z' });
    await clocked.request('/v1/events', post([event], { origin: SITE, 'x-forwarded-for': '203.0.113.9' }));
    const bundle = await store.getConsent(event.consentId as string);
    expect(bundle?.events[0]).toMatchObject({
      receivedAt: fixed.toISOString(),
      record: { clockSkewMs: 1500 },
    });
    const { rows } = await store.client.query<{ hits: number }>(
      `SELECT count(*)::int AS hits FROM entries e LEFT JOIN personal_data p USING (entry_id)
       WHERE e.payload LIKE '%203.0.113%' OR p.message LIKE '%203.0.113%'`,
    );
    expect(rows[0]?.hits).toBe(0);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client used its burst, and lets it in again after refill', async () => {
    const store = await storeKinds[0]!.open();
    let now = Date.parse('2026-11-28T02:00:00.000Z');
    const app = createReceiver({
      store,
      allowedOrigins: [SITE],
      logger: false,
      rateLimit: { capacity: 2, refillPerSecond: 0.5 },
      now: () => new Date(now),
      getClientKey: (request) => request.headers.get('x-test-client') ?? undefined,
    });
    const sendAs = (client: string) =>
      app.request('/v1/events', post([makeEvent()], { origin: SITE, 'x-test-client': client }));
    expect((await sendAs('a')).status).toBe(200);
    expect((await sendAs('a')).status).toBe(200);
    const limited = await sendAs('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await sendAs('b')).status).toBe(200); // another client has its own bucket
    now += 2_000;
    expect((await sendAs('a')).status).toBe(200);
    await store.close();
  });
});
