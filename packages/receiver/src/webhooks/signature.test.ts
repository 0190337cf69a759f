import { describe, expect, it } from 'vitest';
import { newSecret, signPayload, verifyWebhook, webhookHeaders } from './signature.js';

// The published Standard Webhooks test vector: reproducing it is what says a CRM's own
// Standard Webhooks library accepts our signatures.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const headersOf = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('Standard Webhooks signatures', () => {
  it('reproduces the specification test vector', () => {
    expect(signPayload(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('verifies the vector, one of several signatures, and refuses changes', () => {
    const headers = {
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': `v1,bm9wZQ== ${VECTOR.signature}`,
    };
    const at = { nowSeconds: VECTOR.timestamp + 10 };
    expect(verifyWebhook(VECTOR.secret, headersOf(headers), VECTOR.body, at)).toEqual({ ok: true });
    expect(verifyWebhook(VECTOR.secret, headersOf(headers), '{"test":2432232314}', at)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(
      verifyWebhook(VECTOR.secret, headersOf(headers), VECTOR.body, { nowSeconds: VECTOR.timestamp + 301 }),
    ).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifyWebhook(VECTOR.secret, headersOf({}), VECTOR.body, at)).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
  });

  it('makes whsec_ secrets of 32 random bytes whose headers verify', () => {
    const secret = newSecret();
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newSecret()).not.toBe(secret);
    const headers = webhookHeaders(secret, 'msg_1', 1_700_000_000, '{}');
    expect(verifyWebhook(secret, headersOf({ ...headers }), '{}', { nowSeconds: 1_700_000_000 })).toEqual({
      ok: true,
    });
  });
});
