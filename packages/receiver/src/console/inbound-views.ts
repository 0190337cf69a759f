import type { SqlQueryable } from '../store/sql-client.js';

/**
 * What the console shows of the inbound work's tables (docs/inbound.md), read only: opt-in messages
 * that need a person to decide, and the reply outbox. Empty when those tables do not exist.
 */

async function hasTable(db: SqlQueryable, name: string): Promise<boolean> {
  const { rows } = await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
    name,
  ]);
  return rows[0]?.present === true;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export interface FlaggedOptin {
  /** What `POST /v1/console/flagged/:subscriptionId/dismiss` takes. */
  subscriptionId: string;
  subscriberId: string;
  inboundId: string | null;
  channel: string;
  state: 'unmatched' | 'ambiguous';
  ref: string | null;
  candidateConsentIds: string[];
  createdAt: string;
}

/** Ambiguous and unmatched opt-ins, oldest first: each is resolved by linking it to a consent. */
export async function listFlaggedOptins(db: SqlQueryable): Promise<FlaggedOptin[] | null> {
  if (!(await hasTable(db, 'subscriptions'))) return null;
  const { rows } = await db.query<{
    subscription_id: string;
    subscriber_id: string;
    inbound_id: string | null;
    channel: string;
    state: 'unmatched' | 'ambiguous';
    ref: string | null;
    candidate_consent_ids: string[] | null;
    created_at: Date | string;
  }>(
    `SELECT x.subscription_id, x.subscriber_id, x.inbound_id, x.channel, x.state,
       coalesce(x.ref, CASE WHEN b.erased_at IS NULL THEN m.ref END) AS ref, x.candidate_consent_ids, x.created_at
     FROM subscriptions x JOIN subscribers b ON b.subscriber_id = x.subscriber_id
     LEFT JOIN inbound_messages m ON m.inbound_id = x.inbound_id
     WHERE x.state IN ('unmatched', 'ambiguous') ORDER BY x.created_at, x.subscription_id LIMIT 500`,
  );
  return rows.map((row) => ({
    subscriptionId: row.subscription_id,
    subscriberId: row.subscriber_id,
    inboundId: row.inbound_id,
    channel: row.channel,
    state: row.state,
    ref: row.ref,
    candidateConsentIds: row.candidate_consent_ids ?? [],
    createdAt: iso(row.created_at) as string,
  }));
}

export interface ReplyOutboxView {
  counts: Record<string, number>;
  /** Failed and dropped replies, newest first, and queued ones that already failed once. */
  problems: Array<{
    id: string;
    provider: string;
    channel: string;
    kind: string;
    status: string;
    attempts: number;
    lastError: string | null;
    createdAt: string;
    nextAttemptAt: string | null;
  }>;
}

export async function readReplyOutbox(db: SqlQueryable): Promise<ReplyOutboxView | null> {
  if (!(await hasTable(db, 'inbound_outbox'))) return null;
  const { rows: counts } = await db.query<{ status: string; n: number | string }>(
    'SELECT status, count(*) AS n FROM inbound_outbox GROUP BY status',
  );
  const { rows } = await db.query<{
    id: string;
    provider: string;
    channel: string;
    kind: string;
    status: string;
    attempts: number;
    last_error: string | null;
    created_at: Date | string;
    next_attempt_at: Date | string;
  }>(
    `SELECT id, provider, channel, kind, status, attempts, last_error, created_at, next_attempt_at FROM inbound_outbox
     WHERE status IN ('failed', 'dropped') OR (status = 'queued' AND attempts > 0)
     ORDER BY created_at DESC LIMIT 200`,
  );
  return {
    counts: Object.fromEntries(counts.map((row) => [row.status, Number(row.n)])),
    problems: rows.map((row) => ({
      id: row.id,
      provider: row.provider,
      channel: row.channel,
      kind: row.kind,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: iso(row.created_at) as string,
      nextAttemptAt: row.status === 'queued' ? iso(row.next_attempt_at) : null,
    })),
  };
}
