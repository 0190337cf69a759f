import type { SqlQueryable } from '../store/sql-client.js';
import type { AddressResolver } from './deliver.js';

/**
 * The messenger address the inbound work keeps for a subscriber (its erasable inbound_persons row),
 * found by subscriber id or through the consent's subscription. Null when the inbound tables are not
 * there, the person never wrote, or the address was erased.
 */
export const inboundAddress: AddressResolver = async (db: SqlQueryable, subject) => {
  const { rows: present } = await db.query<{ present: boolean }>(
    "SELECT to_regclass('inbound_persons') IS NOT NULL AND to_regclass('subscriptions') IS NOT NULL AS present",
  );
  if (!present[0]?.present) return null;
  const { rows } = await db.query<{ address: string }>(
    `SELECT p.address FROM inbound_persons p
     WHERE p.address IS NOT NULL AND p.subscriber_id = coalesce($1::uuid,
       (SELECT subscriber_id FROM subscriptions WHERE consent_id = $2::uuid))
     ORDER BY p.last_seen_at DESC LIMIT 1`,
    [subject.subscriberId, subject.consentId],
  );
  return rows[0]?.address ?? null;
};
