import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { SITE, makeEvent, makeFlow, post } from './events.js';
import { storeKinds } from './stores.js';

// `Sec-Fetch-Site: same-origin` is set by browsers, but any other client can send it too. It may
// only spare the receiver's own pages a CORS answer; sent with any other Origin it must get exactly
// the answer the same request gets without it, and store nothing more.

const TOKEN = 'test-admin-token-0123456789-abcdef';
const EVIL = 'https://evil.example';
const pglite = storeKinds[0];

interface Seen {
  status: number;
  body: string;
  allowOrigin: string | null;
  allowMethods: string | null;
}

describe('Sec-Fetch-Site: same-origin gives a forged request nothing extra', () => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  const entries = async () =>
    Number(
      (await store.client.query<{ n: string | number }>('SELECT count(*) AS n FROM entries')).rows[0]?.n,
    );
  const answer = async (url: string, init: RequestInit): Promise<Seen> => {
    const response = await app.request(url, init);
    return {
      status: response.status,
      body: await response.text(),
      allowOrigin: response.headers.get('access-control-allow-origin'),
      allowMethods: response.headers.get('access-control-allow-methods'),
    };
  };
  /** The same request without and with the header (and with the other values browsers send). */
  const compare = async (url: string, init: RequestInit) => {
    const plain = await answer(url, init);
    const headers = init.headers as Record<string, string>;
    for (const value of ['same-origin', 'same-site', 'none'])
      expect(await answer(url, { ...init, headers: { ...headers, 'sec-fetch-site': value } }), value).toEqual(
        plain,
      );
    return plain;
  };

  beforeAll(async () => {
    store = await pglite!.open();
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

  it('refuses a foreign Origin on /v1/events as it does without the header', async () => {
    const own = makeFlow({ page: { origin: EVIL, path: '/' } });
    expect(await compare('/v1/events', post(own, { origin: EVIL }))).toMatchObject({
      status: 403,
      allowOrigin: EVIL,
    });
    // Events for an allowed site, sent from a foreign origin.
    expect((await compare('/v1/events', post(makeFlow(), { origin: EVIL }))).status).toBe(403);
    // Its preflight.
    const preflight = await compare('/v1/events', {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    });
    expect(preflight).toMatchObject({ status: 403, allowMethods: null });
    expect(await entries()).toBe(0);
  });

  it('gives a sender without Origin no way around the ingest token', async () => {
    const plain = await compare('/v1/events', post(makeFlow()));
    expect(plain.status).toBe(401);
    expect(await entries()).toBe(0);
  });

  it('keeps page.origin inside the allowlist for an allowed Origin', async () => {
    const victim = [makeEvent({ page: { origin: 'https://victim.example', path: '/' } })];
    expect((await compare('/v1/events', post(victim, { origin: SITE }))).status).toBe(400);
    expect(await entries()).toBe(0);
  });

  it('adds nothing when Host and Origin are made to match (the route still checks the Origin)', async () => {
    const forged = await answer('http://evil.example/v1/events', {
      ...post(makeFlow({ page: { origin: 'http://evil.example', path: '/' } }), {
        origin: 'http://evil.example',
        'sec-fetch-site': 'same-origin',
      }),
    });
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('origin_not_allowed');
    expect(await entries()).toBe(0);
  });

  it('opens no admin route and adds no CORS header to one', async () => {
    for (const path of ['/v1/stats', '/v1/console/subscribers', '/v1/export', '/v1/webhooks']) {
      const seen = await compare(path, { headers: { origin: EVIL } });
      expect(seen.status, path).toBe(401);
      expect(seen.allowOrigin, path).toBeNull();
    }
  });

  it("still serves the receiver's own page and the allowed site", async () => {
    // /admin's requests: same origin as the receiver, with the admin token.
    const own = await answer('/v1/stats', {
      headers: {
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
        authorization: `Bearer ${TOKEN}`,
      },
    });
    expect(own.status).toBe(200);
    const allowed = await answer(
      '/v1/events',
      post(makeFlow(), { origin: SITE, 'sec-fetch-site': 'cross-site' }),
    );
    expect(allowed).toMatchObject({ status: 200, allowOrigin: SITE });
    expect(await entries()).toBe(3);
  });
});
