import type { SqlQueryable } from './sql-client.js';
import type { SubscriptionState } from './inbound-sql.js';

/** SQL of the e-mail confirmation links (migrations/007_confirm_links.sql). */

export async function insertConfirmLink(
  tx: SqlQueryable,
  link: {
    tokenSha256: string;
    subscriptionId: string;
    inboundId: string;
    createdAt: string;
    expiresAt: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO inbound_confirm_links (token_sha256, subscription_id, inbound_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [link.tokenSha256, link.subscriptionId, link.inboundId, link.createdAt, link.expiresAt],
  );
}

export interface ConfirmLinkRow {
  token_sha256: string;
  subscription_id: string;
  inbound_id: string;
  expires_at: Date | string;
  used_at: Date | string | null;
  subscriber_id: string;
  consent_id: string | null;
  site: string | null;
  channel: string;
  state: SubscriptionState;
  locale: string | null;
  purpose: string | null;
}

/** The link with its subscription; `forUpdate` locks the link row until the transaction ends. */
export async function findConfirmLink(
  tx: SqlQueryable,
  tokenSha256: string,
  forUpdate = false,
): Promise<ConfirmLinkRow | undefined> {
  const { rows } = await tx.query<ConfirmLinkRow>(
    `SELECT l.token_sha256, l.subscription_id, l.inbound_id, l.expires_at, l.used_at,
            s.subscriber_id, s.consent_id, s.site, s.channel, s.state, s.locale, s.purpose
       FROM inbound_confirm_links l JOIN subscriptions s ON s.subscription_id = l.subscription_id
      WHERE l.token_sha256 = $1${forUpdate ? ' FOR UPDATE OF l' : ''}`,
    [tokenSha256],
  );
  return rows[0];
}

export async function markConfirmLinkUsed(tx: SqlQueryable, tokenSha256: string, at: string): Promise<void> {
  await tx.query('UPDATE inbound_confirm_links SET used_at = $2 WHERE token_sha256 = $1', [tokenSha256, at]);
}
