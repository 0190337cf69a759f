import type { SqlQueryable } from './sql-client.js';

/** The reply outbox's SQL (docs/inbound.md#replies-and-the-outbox): lease due rows, record each attempt. */

export interface LeasedReply {
  id: string;
  provider: string;
  channel: string;
  kind: string;
  inboundId: string;
  text: string;
  context: Record<string, string>;
  attempts: number;
  windowEndsAt: Date | undefined;
  /** The reply address; undefined when the person has none we can write to. */
  address: string | undefined;
  /** False when the person's data was erased: the row is dropped. */
  personKnown: boolean;
}

interface LeasedRow {
  id: string;
  provider: string;
  channel: string;
  kind: string;
  inbound_id: string;
  text: string;
  context: string;
  attempts: number;
  window_ends_at: Date | string | null;
  address: string | null;
  person_known: boolean;
}

/**
 * Leases up to `limit` due rows until `leaseUntil`. SKIP LOCKED lets several receiver processes
 * drain one PostgreSQL without sending a row twice at once; an expired lease (a crashed sender) is
 * taken over.
 */
export async function leaseDueReplies(
  db: SqlQueryable,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<LeasedReply[]> {
  const { rows } = await db.query<LeasedRow>(
    `UPDATE inbound_outbox o SET leased_until = $2
     FROM (SELECT id FROM inbound_outbox
           WHERE status = 'queued' AND next_attempt_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)
           ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) due
     WHERE o.id = due.id
     RETURNING o.id, o.provider, o.channel, o.kind, o.inbound_id, o.text, o.context, o.attempts, o.window_ends_at,
       (SELECT address FROM inbound_persons p WHERE p.sender_hash = o.sender_hash) AS address,
       EXISTS (SELECT 1 FROM inbound_persons p WHERE p.sender_hash = o.sender_hash) AS person_known`,
    [now.toISOString(), leaseUntil.toISOString(), limit],
  );
  return rows.map((row) => ({
    id: row.id,
    provider: row.provider,
    channel: row.channel,
    kind: row.kind,
    inboundId: row.inbound_id,
    text: row.text,
    context: JSON.parse(row.context) as Record<string, string>,
    attempts: Number(row.attempts),
    windowEndsAt: row.window_ends_at === null ? undefined : new Date(row.window_ends_at),
    address: row.address ?? undefined,
    personKnown: row.person_known,
  }));
}

export type AttemptRecord =
  | { status: 'sent'; at: Date }
  | { status: 'retry'; at: Date; nextAttemptAt: Date; error: string }
  | { status: 'failed' | 'dropped'; at: Date; error: string; counted: boolean };

export async function recordAttempt(db: SqlQueryable, id: string, record: AttemptRecord): Promise<void> {
  const counted = record.status === 'dropped' || record.status === 'failed' ? record.counted : true;
  await db.query(
    `UPDATE inbound_outbox SET status = $2, attempts = attempts + $3, leased_until = NULL,
       sent_at = CASE WHEN $2 = 'sent' THEN $4::timestamptz ELSE sent_at END,
       next_attempt_at = COALESCE($5::timestamptz, next_attempt_at), last_error = $6
     WHERE id = $1`,
    [
      id,
      record.status === 'retry' ? 'queued' : record.status,
      counted ? 1 : 0,
      record.at.toISOString(),
      record.status === 'retry' ? record.nextAttemptAt.toISOString() : null,
      record.status === 'sent' ? null : record.error,
    ],
  );
}

/** Drops the queued replies to these senders (erasure). */
export async function dropQueuedReplies(
  db: SqlQueryable,
  senderHashes: readonly string[],
  reason: string,
): Promise<number> {
  const { rows } = await db.query(
    `UPDATE inbound_outbox SET status = 'dropped', last_error = $2, leased_until = NULL
     WHERE status = 'queued' AND sender_hash = ANY($1::text[]) RETURNING id`,
    [senderHashes, reason],
  );
  return rows.length;
}
