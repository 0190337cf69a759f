import type { SqlQueryable } from '../store/sql-client.js';
import type { WebhookEventType } from './events.js';

/** A queued message with what delivering it needs. */
export interface LeasedMessage {
  id: number;
  endpointId: string;
  url: string;
  secret: string;
  includeAddress: boolean;
  messageId: string;
  eventType: WebhookEventType;
  consentId: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
  body: string | null;
  attempts: number;
}

/** How long a worker owns a leased message; a crashed worker's messages are free again after it. */
export const LEASE_MS = 60_000;

/**
 * Leases due messages, at most one per (endpoint, subscriber): a message waits while an earlier
 * one of its subscriber is still pending, so each endpoint sees a subscriber's events in order.
 * SKIP LOCKED lets several receiver processes share the outbox without sending a message twice.
 */
export async function leaseDue(db: SqlQueryable, now: Date, limit: number): Promise<LeasedMessage[]> {
  const { rows } = await db.query<{
    id: string | number;
    endpoint_id: string;
    url: string;
    secret: string;
    include_address: boolean;
    message_id: string;
    event_type: WebhookEventType;
    consent_id: string | null;
    data: Record<string, unknown> | string;
    occurred_at: Date | string;
    body: string | null;
    attempts: number;
  }>(
    `WITH leased AS (
       UPDATE webhook_outbox SET leased_until = $1::timestamptz + interval '${LEASE_MS / 1000} seconds'
       WHERE id IN (
         SELECT o.id FROM webhook_outbox o
         WHERE o.status = 'pending' AND o.next_attempt_at <= $1
           AND (o.leased_until IS NULL OR o.leased_until <= $1)
           AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = o.endpoint_id AND e.disabled_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM webhook_outbox p WHERE p.endpoint_id = o.endpoint_id
                           AND p.order_key = o.order_key AND p.status = 'pending' AND p.id < o.id)
         ORDER BY o.id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING *)
     SELECT l.*, e.url, e.secret, e.include_address FROM leased l
     JOIN webhook_endpoints e ON e.id = l.endpoint_id ORDER BY l.id`,
    [now.toISOString(), limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    endpointId: row.endpoint_id,
    url: row.url,
    secret: row.secret,
    includeAddress: row.include_address,
    messageId: row.message_id,
    eventType: row.event_type,
    consentId: row.consent_id,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
    occurredAt: new Date(row.occurred_at).toISOString(),
    body: row.body,
    attempts: row.attempts,
  }));
}

/**
 * What a CRM needs about the consent, read when the message is first sent: channel, site, ref,
 * purpose, notice version and the times. No message text, no notice text, no address (that is added
 * only for endpoints that asked for it).
 */
export async function consentFacts(db: SqlQueryable, consentId: string): Promise<Record<string, unknown>> {
  const { rows } = await db.query<{
    channel: string | null;
    site: string;
    purpose: string | null;
    notice_version: string | null;
    consent_given_at: Date | string | null;
    confirmed_at: Date | string | null;
    withdrawn_at: Date | string | null;
    ref: string | null;
  }>(
    `SELECT channel, site, purpose, notice_version, consent_given_at, confirmed_at, withdrawn_at,
       (SELECT p.ref FROM personal_data p WHERE p.consent_id = s.consent_id AND p.ref IS NOT NULL LIMIT 1) AS ref
     FROM consent_states s WHERE consent_id = $1`,
    [consentId],
  );
  const row = rows[0];
  if (!row) return { consentId };
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return {
    consentId,
    channel: row.channel,
    site: row.site,
    ref: row.ref,
    purpose: row.purpose,
    noticeVersion: row.notice_version,
    consentGivenAt: iso(row.consent_given_at),
    confirmedAt: iso(row.confirmed_at),
    withdrawnAt: iso(row.withdrawn_at),
  };
}

/** Keeps the first attempt's bytes: every retry signs and sends exactly them. */
export async function saveBody(db: SqlQueryable, id: number, body: string): Promise<void> {
  await db.query('UPDATE webhook_outbox SET body = $2 WHERE id = $1 AND body IS NULL', [id, body]);
}

export type AttemptOutcome =
  | { result: 'delivered'; status: number }
  | { result: 'retry'; status: number | null; error: string; nextAttemptAt: Date }
  | { result: 'dead'; status: number | null; error: string };

export async function recordAttempt(
  db: SqlQueryable,
  id: number,
  outcome: AttemptOutcome,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  if (outcome.result === 'delivered') {
    await db.query(
      `UPDATE webhook_outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = $2,
         last_status = $3, last_error = NULL, leased_until = NULL WHERE id = $1`,
      [id, at, outcome.status],
    );
    return;
  }
  await db.query(
    `UPDATE webhook_outbox SET status = $2, attempts = attempts + 1, last_status = $3, last_error = $4,
       next_attempt_at = coalesce($5::timestamptz, next_attempt_at), leased_until = NULL WHERE id = $1`,
    [
      id,
      outcome.result === 'retry' ? 'pending' : 'dead',
      outcome.status,
      outcome.error.slice(0, 500),
      outcome.result === 'retry' ? outcome.nextAttemptAt.toISOString() : null,
    ],
  );
}

export const deliveryStatuses = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface Delivery {
  id: number;
  endpointId: string;
  url: string;
  messageId: string;
  eventType: WebhookEventType;
  consentId: string | null;
  status: DeliveryStatus;
  attempts: number;
  occurredAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
}

/** The outbox for the console: newest first, by status (dead = the dead-letter list). */
export async function listDeliveries(
  db: SqlQueryable,
  filter: { status?: DeliveryStatus | undefined; endpointId?: string | undefined; limit: number },
): Promise<Delivery[]> {
  const { rows } = await db.query<{
    id: string | number;
    endpoint_id: string;
    url: string;
    message_id: string;
    event_type: WebhookEventType;
    consent_id: string | null;
    status: DeliveryStatus;
    attempts: number;
    occurred_at: Date | string;
    next_attempt_at: Date | string;
    delivered_at: Date | string | null;
    last_status: number | null;
    last_error: string | null;
  }>(
    `SELECT o.id, o.endpoint_id, e.url, o.message_id, o.event_type, o.consent_id, o.status, o.attempts,
       o.occurred_at, o.next_attempt_at, o.delivered_at, o.last_status, o.last_error
     FROM webhook_outbox o JOIN webhook_endpoints e ON e.id = o.endpoint_id
     WHERE ($1::text IS NULL OR o.status = $1) AND ($2::uuid IS NULL OR o.endpoint_id = $2)
     ORDER BY o.id DESC LIMIT $3`,
    [filter.status ?? null, filter.endpointId ?? null, filter.limit],
  );
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return rows.map((row) => ({
    id: Number(row.id),
    endpointId: row.endpoint_id,
    url: row.url,
    messageId: `msg_${row.message_id}`,
    eventType: row.event_type,
    consentId: row.consent_id,
    status: row.status,
    attempts: row.attempts,
    occurredAt: new Date(row.occurred_at).toISOString(),
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
    lastStatus: row.last_status,
    lastError: row.last_error,
  }));
}

/** Counts per status, for the console's overview. */
export async function countDeliveries(db: SqlQueryable): Promise<Record<DeliveryStatus, number>> {
  const { rows } = await db.query<{ status: DeliveryStatus; n: number | string }>(
    'SELECT status, count(*) AS n FROM webhook_outbox GROUP BY status',
  );
  const counts = { pending: 0, delivered: 0, dead: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/**
 * Puts a dead letter back in the queue (same webhook-id, so a receiver that did get it can drop the
 * copy), due now with a fresh set of attempts. False when the message is not dead.
 */
export async function replayDelivery(db: SqlQueryable, id: number, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = $2, leased_until = NULL
     WHERE id = $1 AND status = 'dead' RETURNING id`,
    [id, now.toISOString()],
  );
  return rows.length > 0;
}
