import { randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { deliverDue } from '../src/webhooks/deliver.js';
import { enqueueWebhook } from '../src/webhooks/enqueue.js';
import { verifyWebhook } from '../src/webhooks/signature.js';
import { SITE, makeEvent, post } from './events.js';
import { storeKinds } from './stores.js';

const TOKEN = 'test-admin-token-0123456789-abcdef';
const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
  verified: boolean;
}

/** A CRM's webhook endpoint on 127.0.0.1 that verifies every signature and answers `status`. */
async function startCrm(secret: () => string, nowSeconds: () => number) {
  const received: Received[] = [];
  let status = 503;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = { get: (name: string) => (request.headers[name] as string | undefined) ?? null };
      const check = verifyWebhook(secret(), headers, body, { nowSeconds: nowSeconds() });
      if (status >= 200 && status < 300) {
        const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> };
        received.push({
          id: headers.get('webhook-id') ?? '',
          type: parsed.type,
          data: parsed.data,
          verified: check.ok,
        });
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    answer: (next: number) => (status = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(storeKinds)('CRM webhooks on $name', (kind) => {
  let store: SqlStore;
  let app: ReturnType<typeof createReceiver>;
  let clock = new Date('2026-11-02T10:00:00.000Z');
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
  let secret = '';
  let crm: Awaited<ReturnType<typeof startCrm>>;
  const deliver = () =>
    deliverDue({ db: store.client, now: () => clock, random: () => 0.5, timeoutMs: 5_000 });
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: admin,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return {
      status: response.status,
      json: response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>),
    };
  };
  const subscribe = async (ref: string) => {
    const consentId = randomUUID();
    const events = ['consent_given', 'link_opened'].map((type) =>
      makeEvent({ consentId, type, ref, message: `Start News Firma ${ref}` }),
    );
    expect((await app.request('/v1/events', post(events, { origin: SITE }))).status).toBe(200);
    expect(
      (await api('POST', `/v1/consents/${consentId}/confirm`, { message: `Start News Firma ${ref}` })).status,
    ).toBe(201);
    return consentId;
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
    crm = await startCrm(
      () => secret,
      () => Math.floor(clock.getTime() / 1000),
    );
  });
  afterAll(async () => {
    await crm?.close();
    await store?.close();
  });

  it.skipIf(kind.skipReason)('manages endpoints through the admin API, secret shown once', async () => {
    expect((await app.request('/v1/webhooks')).status).toBe(401);
    const bad = await api('POST', '/v1/webhooks', {
      url: 'ftp://crm.example',
      events: ['subscriber.confirmed'],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('http(s) URL');
    const created = await api('POST', '/v1/webhooks', {
      url: crm.url,
      events: ['subscriber.confirmed', 'subscriber.withdrawn', 'rights.requested'],
    });
    expect(created.status).toBe(201);
    secret = created.json?.['secret'] as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await api('GET', '/v1/webhooks');
    expect(listed.json?.['endpoints']).toMatchObject([
      { id: created.json?.['id'], url: crm.url, includeAddress: false },
    ]);
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    const other = await api('POST', '/v1/webhooks', {
      url: `${crm.url}/other`,
      events: ['rights.requested'],
    });
    expect((await api('GET', `/v1/webhooks/${other.json?.['id'] as string}`)).status).toBe(200);
    expect((await api('DELETE', `/v1/webhooks/${other.json?.['id'] as string}`)).status).toBe(204);
    expect((await api('GET', `/v1/webhooks/${other.json?.['id'] as string}`)).status).toBe(404);
  });

  it.skipIf(kind.skipReason)(
    'delivers each event once, signed, in order per subscriber, after the endpoint was down',
    async () => {
      const anna = await subscribe('ANNA');
      const ben = await subscribe('BEN1');
      advance(60_000);
      expect(
        (
          await app.request(
            '/v1/events',
            post([makeEvent({ consentId: anna, type: 'withdrawal_requested' })], { origin: SITE }),
          )
        ).status,
      ).toBe(200);

      crm.answer(503);
      expect(await deliver()).toEqual({ delivered: 0, retried: 2, dead: 0 }); // Anna's withdrawal waits behind her confirmation
      advance(5_500);
      expect(await deliver()).toEqual({ delivered: 0, retried: 2, dead: 0 });
      crm.answer(200);
      advance(60_000);
      expect(await deliver()).toEqual({ delivered: 0, retried: 0, dead: 0 }); // next attempt is ~5 min after the second
      advance(5 * 60_000);
      expect(await deliver()).toEqual({ delivered: 3, retried: 0, dead: 0 });
      expect(await deliver()).toEqual({ delivered: 0, retried: 0, dead: 0 });

      expect(crm.received.every((message) => message.verified)).toBe(true);
      expect(new Set(crm.received.map((message) => message.id)).size).toBe(3);
      const forAnna = crm.received
        .filter((message) => message.data['consentId'] === anna)
        .map((message) => message.type);
      expect(forAnna).toEqual(['subscriber.confirmed', 'subscriber.withdrawn']);
      const benConfirmed = crm.received.find((message) => message.data['consentId'] === ben);
      expect(benConfirmed).toMatchObject({
        type: 'subscriber.confirmed',
        id: `msg_confirmed:${ben}`,
        data: {
          consentId: ben,
          channel: 'whatsapp',
          site: SITE,
          ref: 'BEN1',
          purpose: 'News',
          noticeVersion: 'v1',
          confirmedAt: '2026-11-02T10:00:00.000Z',
          withdrawnAt: null,
        },
      });
      expect(benConfirmed?.data).not.toHaveProperty('address');
      expect(JSON.stringify(crm.received)).not.toContain('Start News');
    },
  );

  it.skipIf(kind.skipReason)(
    'keeps a message that failed all attempts as a dead letter and replays it',
    async () => {
      crm.answer(500);
      crm.received.length = 0;
      const consentId = randomUUID();
      await store.client.transaction((tx) =>
        enqueueWebhook(tx, {
          type: 'rights.requested',
          messageId: `rights:${consentId}`,
          orderKey: consentId,
          consentId: null,
          data: { requestId: consentId, kind: 'access', dueAt: '2026-12-02T10:00:00.000Z' },
          occurredAt: clock,
        }),
      );
      let total = 0;
      for (let round = 0; round < 12; round++) {
        const report = await deliver();
        total += report.dead;
        advance(15 * 3_600_000);
      }
      expect(total).toBe(1);
      const dead = await api('GET', '/v1/webhooks/deliveries?status=dead');
      const letters = dead.json?.['deliveries'] as Array<{
        id: number;
        attempts: number;
        lastError: string;
        eventType: string;
      }>;
      expect(letters).toMatchObject([
        { eventType: 'rights.requested', attempts: 8, lastError: expect.stringContaining('HTTP 500') },
      ]);

      crm.answer(200);
      expect((await api('POST', `/v1/webhooks/deliveries/${letters[0]?.id}/replay`)).status).toBe(200);
      expect((await api('POST', `/v1/webhooks/deliveries/${letters[0]?.id}/replay`)).status).toBe(409);
      expect(await deliver()).toMatchObject({ delivered: 1 });
      expect(crm.received).toMatchObject([
        { type: 'rights.requested', verified: true, data: { requestId: consentId, kind: 'access' } },
      ]);
    },
  );

  it.skipIf(kind.skipReason)('stops sending to an endpoint that answers 410 Gone', async () => {
    crm.answer(410);
    await subscribe('GONE');
    expect(await deliver()).toMatchObject({ dead: 1 });
    const listed = await api('GET', '/v1/webhooks');
    expect(listed.json?.['endpoints']).toMatchObject([{ disabledReason: 'answered 410 Gone' }]);
    crm.answer(200);
    await subscribe('AFTR');
    expect(await deliver()).toEqual({ delivered: 0, retried: 0, dead: 0 });
  });
});
