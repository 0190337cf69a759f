import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../src/store/sql-store.js';
import { deliverDue } from '../src/webhooks/deliver.js';
import { verifyWebhook } from '../src/webhooks/signature.js';
import { type Harness, admin, giveConsent, makeHarness, signed } from './inbound/harness.js';
import { storeKinds } from './stores.js';

const generic = (text: string, messageId: string) =>
  JSON.stringify({
    channel: 'threema',
    from: 'ABCD1234',
    text,
    messageId,
    receivedAt: '2025-12-04T12:00:00Z',
  });

describe.each(storeKinds)('webhooks from inbound messages on $name', (kind) => {
  let store: SqlStore;
  let h: Harness;
  let server: Server;
  let url = '';
  const received: Array<{ type: string; data: Record<string, unknown>; verified: boolean }> = [];
  let secret = '';

  beforeAll(async () => {
    if (kind.skipReason) return;
    store = await kind.open();
    h = makeHarness(store);
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = { get: (name: string) => (request.headers[name] as string | undefined) ?? null };
        const check = verifyWebhook(secret, headers, body, {
          nowSeconds: Math.floor(h.clock.now().getTime() / 1000),
        });
        const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> };
        received.push({ ...parsed, verified: check.ok });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await store?.close();
  });

  it.skipIf(kind.skipReason)(
    'queues confirmed, withdrawn and rights.requested in the inbound transaction, with the address when enabled',
    async () => {
      const created = await h.app.request('/v1/webhooks', {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ url, includeAddress: true }),
      });
      expect(created.status).toBe(201);
      secret = ((await created.json()) as { secret: string }).secret;
      const consentId = await giveConsent(h, { channel: 'threema', ref: 'K7Q2X9' });
      for (const [text, id] of [
        ['Start News Firma K7Q2X9', 'gw-1'],
        ['Stop', 'gw-2'],
        ['Auskunft', 'gw-3'],
      ] as const) {
        const answer = await h.app.request('/v1/inbound', signed('generic', generic(text, id)));
        expect(answer.status).toBe(200);
      }
      expect(await deliverDue({ db: store.client, now: h.clock.now })).toEqual({
        delivered: 3,
        retried: 0,
        dead: 0,
      });
      expect(received.map((message) => message.type)).toEqual([
        'subscriber.confirmed',
        'subscriber.withdrawn',
        'rights.requested',
      ]);
      expect(received.every((message) => message.verified)).toBe(true);
      const subscriberId = received[0]?.data['subscriberId'];
      expect(subscriberId).toEqual(expect.any(String));
      expect(received[0]?.data).toMatchObject({
        consentId,
        channel: 'threema',
        ref: 'K7Q2X9',
        via: 'message',
        address: 'ABCD1234',
      });
      expect(received[1]?.data).toMatchObject({ consentId, subscriberId, reason: 'stop_keyword' });
      expect(received[2]?.data).toMatchObject({ subscriberId, kind: 'access', dueAt: expect.any(String) });
    },
  );
});
