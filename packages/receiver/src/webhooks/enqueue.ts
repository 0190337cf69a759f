import type { SqlQueryable } from '../store/sql-client.js';
import type { WebhookEventType } from './events.js';

export interface WebhookEvent {
  type: WebhookEventType;
  /**
   * Unique per state change (e.g. `confirmed:<consentId>`): a second call with the same id queues
   * nothing, so a retried transaction cannot send twice. Becomes the `webhook-id` with `msg_`.
   */
  messageId: string;
  /** Messages of one key are delivered in the order they were queued: the subscriber id. */
  orderKey: string;
  consentId: string | null;
  /** Event details merged into the payload's data (subscriberId, reason, requestId, dueAt, …). */
  data: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * Queues an event for every endpoint subscribed to its type, inside the caller's transaction, so
 * the state change and its webhook commit together. The trigger on the chain already queues
 * confirmations, withdrawals and rights requests written as entries; this is for changes that are
 * not chain entries. Returns how many endpoints got it.
 */
export async function enqueueWebhook(tx: SqlQueryable, event: WebhookEvent): Promise<number> {
  const { rows } = await tx.query<{ queued: number }>(
    'SELECT console_enqueue_webhook($1, $2, $3, $4::uuid, $5::jsonb, $6::timestamptz) AS queued',
    [
      event.type,
      event.messageId,
      event.orderKey,
      event.consentId,
      JSON.stringify(event.data),
      event.occurredAt.toISOString(),
    ],
  );
  return Number(rows[0]?.queued ?? 0);
}
