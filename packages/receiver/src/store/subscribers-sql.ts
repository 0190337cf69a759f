import type { SqlQueryable } from './sql-client.js';

/** Reads and writes of the subscriber admin API (docs/inbound.md#admin). */

export interface SubscriberListQuery {
  channel: string | undefined;
  status: string | undefined;
  site: string | undefined;
  after: { at: string; id: string } | undefined;
  limit: number;
  includeAddress: boolean;
}

export interface SubscriberItem {
  subscriberId: string;
  channel: string;
  status: string;
  sites: string[];
  consentIds: string[];
  refs: string[];
  noticeVersion: string | null;
  flags: string[];
  pendingSince: string | null;
  confirmedAt: string | null;
  withdrawnAt: string | null;
  lastInboundAt: string | null;
  address?: string | null;
  /** The cursor position of this row. */
  sortAt: string;
}

interface ListRow {
  id: string;
  channel: string;
  status: string;
  sort_at: Date | string;
  pending_since: Date | string | null;
  confirmed_at: Date | string | null;
  withdrawn_at: Date | string | null;
  last_inbound_at: Date | string | null;
  sites: string[] | null;
  consent_ids: string[] | null;
  refs: string[] | null;
  notice_version: string | null;
  no_web_consent: boolean;
  ambiguous_message: boolean;
  open_rights_request: boolean;
  address: string | null;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/**
 * Subscribers (one person on one channel), and web consents no message has reached yet as pending
 * rows of their own (their id is the consentId until the person's message merges them into theirs).
 */
export async function listSubscribers(
  db: SqlQueryable,
  query: SubscriberListQuery,
): Promise<SubscriberItem[]> {
  const { rows } = await db.query<ListRow>(
    `WITH listed AS (
       SELECT s.subscriber_id::text AS id, s.channel, s.status, s.created_at AS sort_at, s.pending_since,
         s.confirmed_at, s.withdrawn_at, s.last_inbound_at,
         ARRAY(SELECT DISTINCT x.site FROM subscriptions x WHERE x.subscriber_id = s.subscriber_id AND x.site IS NOT NULL ORDER BY 1) AS sites,
         ARRAY(SELECT x.consent_id::text FROM subscriptions x WHERE x.subscriber_id = s.subscriber_id AND x.consent_id IS NOT NULL ORDER BY x.created_at, x.consent_id) AS consent_ids,
         ARRAY(SELECT DISTINCT x.ref FROM subscriptions x WHERE x.subscriber_id = s.subscriber_id AND x.ref IS NOT NULL ORDER BY 1) AS refs,
         (SELECT x.notice_version FROM subscriptions x WHERE x.subscriber_id = s.subscriber_id AND x.notice_version IS NOT NULL ORDER BY x.updated_at DESC LIMIT 1) AS notice_version,
         EXISTS (SELECT 1 FROM subscriptions x WHERE x.subscriber_id = s.subscriber_id AND x.state = 'unmatched') AS no_web_consent,
         EXISTS (SELECT 1 FROM subscriptions x WHERE x.subscriber_id = s.subscriber_id AND x.state = 'ambiguous') AS ambiguous_message,
         EXISTS (SELECT 1 FROM rights_requests r WHERE r.subscriber_id = s.subscriber_id AND r.status = 'open') AS open_rights_request,
         (SELECT p.address FROM inbound_persons p WHERE p.subscriber_id = s.subscriber_id AND p.address IS NOT NULL ORDER BY p.last_seen_at DESC LIMIT 1) AS address
       FROM subscribers s
       UNION ALL
       SELECT * FROM (
         SELECT DISTINCT ON (e.consent_id) e.consent_id::text, e.channel, 'pending', e.received_at, e.received_at,
           NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, ARRAY[e.site], ARRAY[e.consent_id::text],
           CASE WHEN p.ref IS NULL THEN ARRAY[]::text[] ELSE ARRAY[p.ref] END,
           (e.payload::json -> 'notice' ->> 'version'), false, false, false, NULL::text
         FROM entries e LEFT JOIN personal_data p ON p.entry_id = e.entry_id
         WHERE e.type = 'consent_given'
           AND NOT EXISTS (SELECT 1 FROM subscriptions x WHERE x.consent_id = e.consent_id)
           AND NOT EXISTS (SELECT 1 FROM erasures x WHERE x.consent_id = e.consent_id)
           AND NOT EXISTS (SELECT 1 FROM entries w WHERE w.consent_id = e.consent_id AND w.type = 'withdrawal_requested')
         ORDER BY e.consent_id, e.received_at
       ) pending
     )
     SELECT * FROM listed
     WHERE ($1::text IS NULL OR channel = $1) AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR $3 = ANY(sites))
       AND ($4::timestamptz IS NULL OR (sort_at, id) > ($4::timestamptz, $5::text))
     ORDER BY sort_at, id LIMIT $6`,
    [
      query.channel ?? null,
      query.status ?? null,
      query.site ?? null,
      query.after?.at ?? null,
      query.after?.id ?? '',
      query.limit,
    ],
  );
  return rows.map((row) => ({
    subscriberId: row.id,
    channel: row.channel,
    status: row.status,
    sites: row.sites ?? [],
    consentIds: row.consent_ids ?? [],
    refs: row.refs ?? [],
    noticeVersion: row.notice_version,
    flags: [
      ...(row.no_web_consent ? ['no_web_consent'] : []),
      ...(row.ambiguous_message ? ['ambiguous_message'] : []),
      ...(row.open_rights_request ? ['open_rights_request'] : []),
    ],
    pendingSince: iso(row.pending_since),
    confirmedAt: iso(row.confirmed_at),
    withdrawnAt: iso(row.withdrawn_at),
    lastInboundAt: iso(row.last_inbound_at),
    ...(query.includeAddress ? { address: row.address } : {}),
    sortAt: new Date(row.sort_at).toISOString(),
  }));
}

export interface RightsRequestItem {
  requestId: string;
  kind: string;
  subscriberId: string | null;
  channel: string;
  inboundId: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  closedAt: string | null;
  resolution: string | null;
}

export async function listRightsRequests(
  db: SqlQueryable,
  status: string | undefined,
): Promise<RightsRequestItem[]> {
  const { rows } = await db.query<{
    request_id: string;
    kind: string;
    subscriber_id: string | null;
    channel: string;
    inbound_id: string;
    status: string;
    received_at: Date | string;
    due_at: Date | string;
    closed_at: Date | string | null;
    resolution: string | null;
  }>(
    `SELECT * FROM rights_requests WHERE ($1::text IS NULL OR status = $1) ORDER BY due_at, request_id LIMIT 1000`,
    [status ?? null],
  );
  return rows.map((row) => ({
    requestId: row.request_id,
    kind: row.kind,
    subscriberId: row.subscriber_id,
    channel: row.channel,
    inboundId: row.inbound_id,
    status: row.status,
    receivedAt: new Date(row.received_at).toISOString(),
    dueAt: new Date(row.due_at).toISOString(),
    closedAt: iso(row.closed_at),
    resolution: row.resolution,
  }));
}

/** Closes an open request; undefined when there is none with this id, 'closed' when it was closed already. */
export async function closeRightsRequest(
  db: SqlQueryable,
  requestId: string,
  resolution: string,
  at: string,
): Promise<{ subscriberId: string | null; inboundId: string } | 'closed' | undefined> {
  const { rows } = await db.query<{ status: string; subscriber_id: string | null; inbound_id: string }>(
    'SELECT status, subscriber_id, inbound_id FROM rights_requests WHERE request_id = $1 FOR UPDATE',
    [requestId],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.status === 'closed') return 'closed';
  await db.query(
    `UPDATE rights_requests SET status = 'closed', closed_at = $2, resolution = $3 WHERE request_id = $1`,
    [requestId, at, resolution],
  );
  return { subscriberId: row.subscriber_id, inboundId: row.inbound_id };
}

/** Deletes the subscriber's personal data (addresses, texts, raw message ids); returns what went. */
export async function erasePersonalData(
  db: SqlQueryable,
  subscriberId: string,
  at: string,
): Promise<{ senderHashes: string[]; persons: number; texts: number }> {
  const { rows: senders } = await db.query<{ sender_hash: string }>(
    'SELECT sender_hash FROM subscriber_senders WHERE subscriber_id = $1 ORDER BY sender_hash',
    [subscriberId],
  );
  const hashes = senders.map((row) => row.sender_hash);
  const { rows: persons } = await db.query(
    'DELETE FROM inbound_persons WHERE subscriber_id = $1 OR sender_hash = ANY($2::text[]) RETURNING sender_hash',
    [subscriberId, hashes],
  );
  const messages = `SELECT inbound_id FROM inbound_messages WHERE subscriber_id = $1 OR sender_hashes && $2::text[]`;
  const { rows: texts } = await db.query(
    `DELETE FROM inbound_texts WHERE inbound_id IN (${messages}) RETURNING inbound_id`,
    [subscriberId, hashes],
  );
  // Some provider ids embed the sender (Telegram's `<chat id>:<message id>`): replaced by the row's own id.
  await db.query(
    `UPDATE inbound_messages SET provider_message_id = 'erased:' || inbound_id::text, reply_context = NULL
     WHERE inbound_id IN (${messages}) AND provider_message_id NOT LIKE 'erased:%'`,
    [subscriberId, hashes],
  );
  await db.query('UPDATE subscribers SET erased_at = $2 WHERE subscriber_id = $1', [subscriberId, at]);
  return { senderHashes: hashes, persons: persons.length, texts: texts.length };
}
