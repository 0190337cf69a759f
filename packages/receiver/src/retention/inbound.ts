import { randomUUID } from 'node:crypto';
import type { SqlClient, SqlQueryable } from '../store/sql-client.js';
import {
  INBOUND_SITE,
  type InboundEntry,
  appendInboundEntries,
  lockMatching,
  refreshSubscriber,
  setSubscriptionState,
  subscriptionsOf,
} from '../store/inbound-sql.js';
import { dropQueuedReplies } from '../store/outbox-sql.js';
import { erasePersonalData } from '../store/subscribers-sql.js';

/**
 * Strangers' messages (docs/console.md#retention): what people wrote on a messenger without a web
 * consent is kept only as long as the site owner needs to resolve it. `days` after a stranger's last
 * message, their reply addresses, message texts and raw message ids are erased, unless a rights
 * request of theirs is still open (its answer needs them). The chain holds only keyed hashes of all
 * of this, so `verify` stays green; each erasure appends an `erased` entry (reason `retention`).
 *
 * A stranger is a subscriber none of whose subscriptions has a web consent, or the sender of a
 * message stored without any subscriber (a "Stop" from someone unknown).
 */

const PAGE = 100;

/** Something personal is still stored for this subscriber's messages or addresses. */
const SUBSCRIBER_HOLDS_DATA = `(EXISTS (SELECT 1 FROM inbound_persons p WHERE p.subscriber_id = b.subscriber_id)
  OR EXISTS (SELECT 1 FROM inbound_messages m WHERE m.subscriber_id = b.subscriber_id
    AND (m.provider_message_id NOT LIKE 'erased:%' OR m.reply_context IS NOT NULL
      OR EXISTS (SELECT 1 FROM inbound_texts t WHERE t.inbound_id = m.inbound_id))))`;

const NO_OPEN_REQUEST = `NOT EXISTS (SELECT 1 FROM rights_requests r WHERE r.status = 'open'
  AND (r.subscriber_id = b.subscriber_id
    OR r.sender_hash IN (SELECT h.sender_hash FROM subscriber_senders h WHERE h.subscriber_id = b.subscriber_id)))`;

const DUE_STRANGERS = `SELECT b.subscriber_id FROM subscribers b
  WHERE NOT EXISTS (SELECT 1 FROM subscriptions w WHERE w.subscriber_id = b.subscriber_id AND w.consent_id IS NOT NULL)
    AND coalesce(b.last_inbound_at, b.created_at) < $1::timestamptz
    AND ${NO_OPEN_REQUEST}
    AND ${SUBSCRIBER_HOLDS_DATA}
  ORDER BY coalesce(b.last_inbound_at, b.created_at), b.subscriber_id LIMIT ${PAGE}`;

const DUE_ORPHAN_MESSAGES = `SELECT m.inbound_id, m.sender_hashes FROM inbound_messages m
  WHERE m.subscriber_id IS NULL AND m.received_at < $1::timestamptz
    AND (m.provider_message_id NOT LIKE 'erased:%' OR m.reply_context IS NOT NULL
      OR EXISTS (SELECT 1 FROM inbound_texts t WHERE t.inbound_id = m.inbound_id))
    AND NOT EXISTS (SELECT 1 FROM rights_requests r WHERE r.status = 'open' AND r.sender_hash = ANY (m.sender_hashes))
  ORDER BY m.received_at, m.inbound_id LIMIT ${PAGE}`;

const ACTIVE = new Set(['unmatched', 'ambiguous', 'pending', 'awaiting_reply', 'confirmed']);

/** Erases one stranger, checking again under the matching lock (a message may have just come in). */
async function eraseStranger(tx: SqlQueryable, subscriberId: string, cutoff: string, at: string) {
  await lockMatching(tx);
  const { rows } = await tx.query<{ channel: string }>(
    `SELECT b.channel FROM subscribers b WHERE b.subscriber_id = $1
       AND NOT EXISTS (SELECT 1 FROM subscriptions w WHERE w.subscriber_id = b.subscriber_id AND w.consent_id IS NOT NULL)
       AND coalesce(b.last_inbound_at, b.created_at) < $2::timestamptz AND ${NO_OPEN_REQUEST}`,
    [subscriberId, cutoff],
  );
  const channel = rows[0]?.channel;
  if (channel === undefined) return false;
  const entries: InboundEntry[] = [];
  const expired: string[] = [];
  // Unresolved opt-ins expire with the data: nobody can link or answer them any more.
  for (const item of await subscriptionsOf(tx, subscriberId)) {
    if (!ACTIVE.has(item.state)) continue;
    await setSubscriptionState(tx, item.subscription_id, { state: 'withdrawn', inboundId: undefined, at });
    await tx.query(`UPDATE subscriptions SET resolution = 'expired' WHERE subscription_id = $1`, [
      item.subscription_id,
    ]);
    expired.push(item.subscription_id);
  }
  const erased = await erasePersonalData(tx, subscriberId, at);
  await dropQueuedReplies(tx, erased.senderHashes, 'erased');
  entries.push({
    entryId: randomUUID(),
    site: INBOUND_SITE,
    consentId: null,
    inboundId: null,
    channel,
    type: 'erased',
    record: {
      subscriberId,
      senderHashes: erased.senderHashes,
      reason: 'retention',
      expiredSubscriptionIds: expired,
    },
  });
  await appendInboundEntries(tx, entries, at);
  await refreshSubscriber(tx, subscriberId, at);
  return true;
}

/** A message stored without a subscriber: its text and raw ids go, an `erased` entry says so. */
async function eraseOrphanMessage(tx: SqlQueryable, inboundId: string, senderHashes: string[], at: string) {
  await tx.query('DELETE FROM inbound_texts WHERE inbound_id = $1', [inboundId]);
  const { rows } = await tx.query<{ channel: string }>(
    `UPDATE inbound_messages SET provider_message_id = 'erased:' || inbound_id::text, reply_context = NULL
     WHERE inbound_id = $1 RETURNING channel`,
    [inboundId],
  );
  await dropQueuedReplies(tx, senderHashes, 'erased');
  await appendInboundEntries(
    tx,
    [
      {
        entryId: randomUUID(),
        site: INBOUND_SITE,
        consentId: null,
        inboundId,
        channel: rows[0]?.channel ?? null,
        type: 'erased',
        record: { inboundId, senderHashes, reason: 'retention' },
      },
    ],
    at,
  );
}

/** Erases what is due; returns how many strangers (people, or messages without one) were erased. */
export async function eraseStrangers(
  client: SqlClient,
  options: { now: Date; days: number; maxPages?: number },
): Promise<number> {
  const at = options.now.toISOString();
  const cutoff = new Date(options.now.getTime() - options.days * 86_400_000).toISOString();
  let erased = 0;
  for (let page = 0; page < (options.maxPages ?? 100); page++) {
    const { rows } = await client.query<{ subscriber_id: string }>(DUE_STRANGERS, [cutoff]);
    let progress = 0;
    for (const { subscriber_id } of rows)
      if (await client.transaction((tx) => eraseStranger(tx, subscriber_id, cutoff, at))) progress++;
    erased += progress;
    if (rows.length < PAGE || progress === 0) break;
  }
  for (let page = 0; page < (options.maxPages ?? 100); page++) {
    const { rows } = await client.query<{ inbound_id: string; sender_hashes: string[] }>(
      DUE_ORPHAN_MESSAGES,
      [cutoff],
    );
    for (const row of rows)
      await client.transaction((tx) => eraseOrphanMessage(tx, row.inbound_id, row.sender_hashes, at));
    erased += rows.length;
    if (rows.length < PAGE) break;
  }
  return erased;
}
