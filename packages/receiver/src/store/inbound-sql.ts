import { canonicalJson, entryHash } from '../chain.js';
import type { SqlQueryable } from './sql-client.js';
import { lockSite, saveHead } from './sql-store.js';

/**
 * The SQL of the inbound flow (docs/inbound.md). Matching decides; these functions only read and
 * write rows, on PGlite and PostgreSQL alike.
 */

export type SubscriptionState =
  'pending' | 'awaiting_reply' | 'confirmed' | 'withdrawn' | 'unmatched' | 'ambiguous';

/** The pseudo-site whose chain holds inbound entries that concern no site. */
export const INBOUND_SITE = '_inbound';

/** Any constant: inbound events are matched one at a time (a person types slowly; correctness wins). */
const MATCH_LOCK_KEY = 4_242_002;

const iso = (value: Date | string): string => new Date(value).toISOString();

export async function lockMatching(tx: SqlQueryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MATCH_LOCK_KEY]);
}

export interface NewInboundMessage {
  inboundId: string;
  provider: string;
  providerMessageId: string;
  updateId: string | undefined;
  channel: string;
  senderHashes: string[];
  trigger: string;
  intent: string;
  ref: string | undefined;
  providerTime: Date | undefined;
  receivedAt: string;
  replyContext: Record<string, string> | undefined;
}

/** Inserts the delivery; false when (provider, provider message id) is stored already. */
export async function insertMessage(tx: SqlQueryable, message: NewInboundMessage): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO inbound_messages (inbound_id, provider, provider_message_id, update_id, channel, sender_hashes,
       trigger, intent, ref, outcome, provider_time, received_at, reply_context)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, 'processing', $10, $11, $12)
     ON CONFLICT (provider, provider_message_id) DO NOTHING RETURNING inbound_id`,
    [
      message.inboundId,
      message.provider,
      message.providerMessageId,
      message.updateId ?? null,
      message.channel,
      message.senderHashes,
      message.trigger,
      message.intent,
      message.ref ?? null,
      message.providerTime?.toISOString() ?? null,
      message.receivedAt,
      message.replyContext ? canonicalJson(message.replyContext) : null,
    ],
  );
  return rows.length > 0;
}

export interface StoredMessage {
  inboundId: string;
  outcome: string;
  entryId: string | null;
  channel: string;
  subscriberId: string | null;
  senderHashes: string[];
  providerTime: string | null;
  receivedAt: string;
  provider: string;
  replyContext: Record<string, string>;
}

interface MessageRow {
  inbound_id: string;
  outcome: string;
  entry_id: string | null;
  channel: string;
  subscriber_id: string | null;
  sender_hashes: string[];
  provider_time: Date | string | null;
  received_at: Date | string;
  provider: string;
  reply_context: string | null;
}

const toMessage = (row: MessageRow): StoredMessage => ({
  inboundId: row.inbound_id,
  outcome: row.outcome,
  entryId: row.entry_id,
  channel: row.channel,
  subscriberId: row.subscriber_id,
  senderHashes: row.sender_hashes,
  providerTime: row.provider_time === null ? null : iso(row.provider_time),
  receivedAt: iso(row.received_at),
  provider: row.provider,
  replyContext: row.reply_context === null ? {} : (JSON.parse(row.reply_context) as Record<string, string>),
});

export async function findMessage(
  tx: SqlQueryable,
  by: { provider: string; providerMessageId: string } | { inboundId: string },
): Promise<StoredMessage | undefined> {
  const { rows } =
    'inboundId' in by
      ? await tx.query<MessageRow>('SELECT * FROM inbound_messages WHERE inbound_id = $1', [by.inboundId])
      : await tx.query<MessageRow>(
          'SELECT * FROM inbound_messages WHERE provider = $1 AND provider_message_id = $2',
          [by.provider, by.providerMessageId],
        );
  return rows[0] ? toMessage(rows[0]) : undefined;
}

export async function finishMessage(
  tx: SqlQueryable,
  inboundId: string,
  done: { outcome: string; entryId: string; subscriberId: string | undefined; intent: string },
): Promise<void> {
  await tx.query(
    'UPDATE inbound_messages SET outcome = $2, entry_id = $3, subscriber_id = $4, intent = $5 WHERE inbound_id = $1',
    [inboundId, done.outcome, done.entryId, done.subscriberId ?? null, done.intent],
  );
}

export async function saveText(tx: SqlQueryable, inboundId: string, text: string): Promise<void> {
  await tx.query('INSERT INTO inbound_texts (inbound_id, text) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    inboundId,
    text,
  ]);
}

/** A consent_given that can still be confirmed. */
export interface PendingConsent {
  consentId: string;
  site: string;
  receivedAt: string;
  ref: string | null;
  message: string | null;
  locale: string | undefined;
  purpose: string | undefined;
  noticeVersion: string | undefined;
}

interface ConsentRow {
  consent_id: string;
  site: string;
  received_at: Date | string;
  payload: string;
  message: string | null;
  ref: string | null;
}

function toConsent(row: ConsentRow): PendingConsent {
  const record = JSON.parse(row.payload) as {
    notice?: { locale?: string; version?: string };
    purpose?: string;
  };
  return {
    consentId: row.consent_id,
    site: row.site,
    receivedAt: iso(row.received_at),
    ref: row.ref,
    message: row.message,
    locale: record.notice?.locale,
    purpose: record.purpose,
    noticeVersion: record.notice?.version,
  };
}

const CONSENT_SELECT = `SELECT DISTINCT ON (e.consent_id) e.consent_id, e.site, e.received_at, e.payload, p.message, p.ref
  FROM entries e LEFT JOIN personal_data p ON p.entry_id = e.entry_id`;

/**
 * Consents given on this channel with this ref inside the window, not withdrawn on the web, not
 * erased and not confirmed or withdrawn through a message. Spans all sites: one set of messenger
 * accounts serves them all.
 */
export async function findPendingConsents(
  tx: SqlQueryable,
  query: { channel: string; ref: string; since: string; until: string },
): Promise<PendingConsent[]> {
  const { rows } = await tx.query<ConsentRow>(
    `${CONSENT_SELECT}
     WHERE p.ref = $2 AND e.type = 'consent_given' AND e.channel = $1
       AND e.received_at > $3 AND e.received_at <= $4
       AND NOT EXISTS (SELECT 1 FROM entries w WHERE w.consent_id = e.consent_id
                         AND w.type = 'withdrawal_requested' AND w.received_at >= e.received_at)
       AND NOT EXISTS (SELECT 1 FROM erasures x WHERE x.consent_id = e.consent_id)
       AND NOT EXISTS (SELECT 1 FROM entries c WHERE c.consent_id = e.consent_id AND c.kind = 'confirmation')
       AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.consent_id = e.consent_id AND s.state <> 'pending')
     ORDER BY e.consent_id, e.received_at`,
    [query.channel, query.ref, query.since, query.until],
  );
  return rows.map(toConsent).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/** Why an opt-in with this ref found no pending consent. */
export async function whyNoMatch(
  tx: SqlQueryable,
  query: { channel: string; ref: string; since: string },
): Promise<'unknown_ref' | 'expired' | 'already_confirmed' | 'withdrawn'> {
  const { rows } = await tx.query<{ recent: boolean; taken: boolean; withdrawn: boolean }>(
    `SELECT e.received_at > $3 AS recent,
       EXISTS (SELECT 1 FROM subscriptions s WHERE s.consent_id = e.consent_id AND s.state IN ('confirmed', 'awaiting_reply'))
         OR EXISTS (SELECT 1 FROM entries c WHERE c.consent_id = e.consent_id AND c.kind = 'confirmation') AS taken,
       EXISTS (SELECT 1 FROM entries w WHERE w.consent_id = e.consent_id AND w.type = 'withdrawal_requested')
         OR EXISTS (SELECT 1 FROM subscriptions s WHERE s.consent_id = e.consent_id AND s.state = 'withdrawn') AS withdrawn
     FROM entries e JOIN personal_data p ON p.entry_id = e.entry_id
     WHERE p.ref = $2 AND e.type = 'consent_given' AND e.channel = $1`,
    [query.channel, query.ref, query.since],
  );
  if (rows.length === 0) return 'unknown_ref';
  if (rows.some((row) => row.taken)) return 'already_confirmed';
  if (rows.some((row) => row.withdrawn)) return 'withdrawn';
  return 'expired';
}

export async function consentById(tx: SqlQueryable, consentId: string): Promise<PendingConsent | undefined> {
  const { rows } = await tx.query<ConsentRow>(
    `${CONSENT_SELECT} WHERE e.consent_id = $1 AND e.kind = 'event'
     ORDER BY e.consent_id, (e.type = 'consent_given') DESC, e.received_at`,
    [consentId],
  );
  return rows[0] ? toConsent(rows[0]) : undefined;
}

export interface SubscriberRow {
  subscriber_id: string;
  channel: string;
  status: SubscriptionState;
}

export async function findSubscriber(
  tx: SqlQueryable,
  senderHashes: readonly string[],
): Promise<SubscriberRow | undefined> {
  const { rows } = await tx.query<SubscriberRow>(
    `SELECT s.subscriber_id, s.channel, s.status FROM subscriber_senders h
     JOIN subscribers s ON s.subscriber_id = h.subscriber_id
     WHERE h.sender_hash = ANY($1::text[]) ORDER BY s.created_at LIMIT 1`,
    [senderHashes],
  );
  return rows[0];
}

export async function subscriberById(
  tx: SqlQueryable,
  subscriberId: string,
): Promise<SubscriberRow | undefined> {
  const { rows } = await tx.query<SubscriberRow>(
    'SELECT subscriber_id, channel, status FROM subscribers WHERE subscriber_id = $1',
    [subscriberId],
  );
  return rows[0];
}

export async function createSubscriber(
  tx: SqlQueryable,
  subscriber: { subscriberId: string; channel: string; at: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO subscribers (subscriber_id, channel, status, created_at) VALUES ($1, $2, 'withdrawn', $3)`,
    [subscriber.subscriberId, subscriber.channel, subscriber.at],
  );
}

/** Links every sender hash to the subscriber and keeps the reply address (erasable). */
export async function saveSenders(
  tx: SqlQueryable,
  subscriberId: string,
  senders: ReadonlyArray<{ hash: string; address: string | undefined }>,
  person: { channel: string; provider: string; at: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO subscriber_senders (sender_hash, subscriber_id) SELECT unnest($1::text[]), $2
     ON CONFLICT (sender_hash) DO NOTHING`,
    [senders.map((sender) => sender.hash), subscriberId],
  );
  await tx.query(
    `INSERT INTO inbound_persons (sender_hash, channel, provider, address, subscriber_id, first_seen_at, last_seen_at)
     SELECT hash, $3, $4, address, $5, $6, $6 FROM unnest($1::text[], $2::text[]) AS t(hash, address)
     ON CONFLICT (sender_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at, provider = excluded.provider,
       address = COALESCE(excluded.address, inbound_persons.address), subscriber_id = excluded.subscriber_id`,
    [
      senders.map((sender) => sender.hash),
      senders.map((sender) => sender.address ?? null),
      person.channel,
      person.provider,
      subscriberId,
      person.at,
    ],
  );
  await tx.query('UPDATE subscribers SET last_inbound_at = $2 WHERE subscriber_id = $1', [
    subscriberId,
    person.at,
  ]);
}

export interface SubscriptionRow {
  subscription_id: string;
  subscriber_id: string;
  consent_id: string | null;
  site: string | null;
  channel: string;
  ref: string | null;
  state: SubscriptionState;
  locale: string | null;
  purpose: string | null;
  confirmed_at: Date | string | null;
  created_at: Date | string;
}

export async function subscriptionsOf(tx: SqlQueryable, subscriberId: string): Promise<SubscriptionRow[]> {
  const { rows } = await tx.query<SubscriptionRow>(
    'SELECT * FROM subscriptions WHERE subscriber_id = $1 ORDER BY created_at, subscription_id',
    [subscriberId],
  );
  return rows;
}

export interface SubscriptionWrite {
  subscriptionId: string;
  subscriberId: string;
  consent: PendingConsent | undefined;
  channel: string;
  state: SubscriptionState;
  inboundId: string | undefined;
  candidateConsentIds?: string[];
  at: string;
}

/** Creates the subscription, or moves the consent's existing one (pending, bound) to the new state. */
export async function upsertSubscription(tx: SqlQueryable, write: SubscriptionWrite): Promise<string> {
  const consent = write.consent;
  const { rows } = await tx.query<{ subscription_id: string }>(
    `INSERT INTO subscriptions (subscription_id, subscriber_id, consent_id, site, channel, ref, state, candidate_consent_ids,
       inbound_id, locale, purpose, notice_version, created_at, updated_at, confirmed_at, withdrawn_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $10, $11, $12, $13, $13,
       CASE WHEN $7 = 'confirmed' THEN $13::timestamptz END, CASE WHEN $7 = 'withdrawn' THEN $13::timestamptz END)
     ON CONFLICT (consent_id) DO UPDATE SET subscriber_id = excluded.subscriber_id, state = excluded.state,
       inbound_id = excluded.inbound_id, updated_at = excluded.updated_at,
       confirmed_at = COALESCE(excluded.confirmed_at, subscriptions.confirmed_at),
       withdrawn_at = COALESCE(excluded.withdrawn_at, subscriptions.withdrawn_at)
     RETURNING subscription_id`,
    [
      write.subscriptionId,
      write.subscriberId,
      consent?.consentId ?? null,
      consent?.site ?? null,
      write.channel,
      consent?.ref ?? null,
      write.state,
      write.candidateConsentIds ?? null,
      write.inboundId ?? null,
      consent?.locale ?? null,
      consent?.purpose ?? null,
      consent?.noticeVersion ?? null,
      write.at,
    ],
  );
  return rows[0]?.subscription_id ?? write.subscriptionId;
}

export async function setSubscriptionState(
  tx: SqlQueryable,
  subscriptionId: string,
  change: { state: SubscriptionState; inboundId: string | undefined; at: string; consent?: PendingConsent },
): Promise<void> {
  const consent = change.consent;
  await tx.query(
    `UPDATE subscriptions SET state = $2, inbound_id = COALESCE($3, inbound_id), updated_at = $4,
       confirmed_at = CASE WHEN $2 = 'confirmed' THEN $4::timestamptz ELSE confirmed_at END,
       withdrawn_at = CASE WHEN $2 = 'withdrawn' THEN $4::timestamptz ELSE withdrawn_at END,
       consent_id = COALESCE($5, consent_id), site = COALESCE($6, site), ref = COALESCE($7, ref),
       locale = COALESCE($8, locale), purpose = COALESCE($9, purpose), notice_version = COALESCE($10, notice_version)
     WHERE subscription_id = $1`,
    [
      subscriptionId,
      change.state,
      change.inboundId ?? null,
      change.at,
      consent?.consentId ?? null,
      consent?.site ?? null,
      consent?.ref ?? null,
      consent?.locale ?? null,
      consent?.purpose ?? null,
      consent?.noticeVersion ?? null,
    ],
  );
}

/** The subscriber's status: the first of these over its subscriptions (docs/inbound.md#admin). */
const STATUS_ORDER: SubscriptionState[] = [
  'confirmed',
  'awaiting_reply',
  'unmatched',
  'ambiguous',
  'pending',
  'withdrawn',
];

export async function refreshSubscriber(
  tx: SqlQueryable,
  subscriberId: string,
  at: string,
): Promise<SubscriptionState> {
  const subscriptions = await subscriptionsOf(tx, subscriberId);
  const states = new Set(subscriptions.map((item) => item.state));
  const status = STATUS_ORDER.find((state) => states.has(state)) ?? 'withdrawn';
  await tx.query(
    `UPDATE subscribers SET status = $2,
       pending_since = CASE WHEN $2 IN ('pending', 'awaiting_reply') THEN COALESCE(pending_since, $3::timestamptz) ELSE pending_since END,
       confirmed_at = CASE WHEN $2 = 'confirmed' AND status <> 'confirmed' THEN $3::timestamptz ELSE confirmed_at END,
       withdrawn_at = CASE WHEN $2 = 'withdrawn' AND status <> 'withdrawn' THEN $3::timestamptz ELSE withdrawn_at END
     WHERE subscriber_id = $1`,
    [subscriberId, status, at],
  );
  return status;
}

/** True when this subscriber withdrew by a message the person sent after `providerTime`. */
export async function withdrawnAfter(
  tx: SqlQueryable,
  subscriberId: string,
  providerTime: string,
): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM inbound_messages WHERE subscriber_id = $1 AND outcome = 'withdrawn' AND provider_time > $2 LIMIT 1`,
    [subscriberId, providerTime],
  );
  return rows.length > 0;
}

export interface RightsRequestWrite {
  requestId: string;
  kind: 'access' | 'erasure';
  subscriberId: string;
  senderHash: string;
  channel: string;
  inboundId: string;
  receivedAt: string;
  dueAt: string;
}

export async function insertRightsRequest(tx: SqlQueryable, request: RightsRequestWrite): Promise<void> {
  await tx.query(
    `INSERT INTO rights_requests (request_id, kind, subscriber_id, sender_hash, channel, inbound_id, received_at, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      request.requestId,
      request.kind,
      request.subscriberId,
      request.senderHash,
      request.channel,
      request.inboundId,
      request.receivedAt,
      request.dueAt,
    ],
  );
}

export interface OutboxWrite {
  id: string;
  provider: string;
  channel: string;
  kind: string;
  inboundId: string;
  senderHash: string;
  subscriberId: string | undefined;
  locale: string;
  text: string;
  context: Record<string, string>;
  at: string;
  windowEndsAt: string | undefined;
}

/** Queues a reply; a second reply of the same kind to the same message is ignored. */
export async function enqueueReply(tx: SqlQueryable, reply: OutboxWrite): Promise<void> {
  await tx.query(
    `INSERT INTO inbound_outbox (id, provider, channel, kind, inbound_id, sender_hash, subscriber_id, locale, text, context,
       next_attempt_at, window_ends_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11)
     ON CONFLICT (inbound_id, kind) DO NOTHING`,
    [
      reply.id,
      reply.provider,
      reply.channel,
      reply.kind,
      reply.inboundId,
      reply.senderHash,
      reply.subscriberId ?? null,
      reply.locale,
      reply.text,
      canonicalJson(reply.context),
      reply.at,
      reply.windowEndsAt ?? null,
    ],
  );
}

/** One chain entry of the inbound flow, before sealing. */
export interface InboundEntry {
  entryId: string;
  site: string;
  consentId: string | null;
  inboundId: string | null;
  channel: string | null;
  type: string;
  record: Record<string, unknown>;
}

/**
 * Appends entries to their sites' chains: sites locked in one global order (as appendEvents does),
 * entries of one site in the given order. No personal content: inbound entries hold keyed hashes.
 */
export async function appendInboundEntries(
  tx: SqlQueryable,
  entries: readonly InboundEntry[],
  receivedAt: string,
): Promise<void> {
  const sites = [...new Set(entries.map((entry) => entry.site))].sort();
  for (const site of sites) {
    let head = await lockSite(tx, site);
    for (const entry of entries.filter((item) => item.site === site)) {
      const payload = canonicalJson({ kind: 'inbound', type: entry.type, ...entry.record });
      const hash = entryHash(head.hash, payload, receivedAt);
      await tx.query(
        `INSERT INTO entries (entry_id, site, seq, kind, consent_id, type, channel, received_at, payload, prev_hash, hash, inbound_id)
         VALUES ($1, $2, $3, 'inbound', $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          entry.entryId,
          site,
          head.seq + 1,
          entry.consentId,
          entry.type,
          entry.channel,
          receivedAt,
          payload,
          head.hash,
          hash,
          entry.inboundId,
        ],
      );
      head = { seq: head.seq + 1, hash };
    }
    await saveHead(tx, site, head);
  }
}
