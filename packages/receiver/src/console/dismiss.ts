import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../store/sql-client.js';
import {
  INBOUND_SITE,
  appendInboundEntries,
  lockMatching,
  refreshSubscriber,
  setSubscriptionState,
} from '../store/inbound-sql.js';

export type DismissResult =
  | {
      status: 'dismissed';
      subscriptionId: string;
      subscriberId: string;
      entryId: string;
      dismissedAt: string;
    }
  | { status: 'not_found' }
  | { status: 'not_flagged'; state: string };

/**
 * The site owner decides a flagged opt-in (unmatched or ambiguous: a message without a web consent)
 * is no consent, e.g. a stranger's "Start" that matches no visitor (docs/console.md#flagged). The
 * subscription is withdrawn and marked dismissed, so it leaves the "to resolve" list and the
 * subscriber counts, and a `dismissed` entry in the `_inbound` chain records who decided what, when.
 * Nothing is sent to the person: they never consented on the website, so there is nothing to confirm.
 */
export async function dismissFlagged(
  client: SqlClient,
  subscriptionId: string,
  now: Date,
): Promise<DismissResult> {
  const at = now.toISOString();
  return client.transaction(async (tx) => {
    // The inbound matching lock: a link or a "Stop" for the same message waits, or goes first.
    await lockMatching(tx);
    const { rows } = await tx.query<{
      subscriber_id: string;
      state: string;
      consent_id: string | null;
      inbound_id: string | null;
      channel: string;
    }>(
      'SELECT subscriber_id, state, consent_id, inbound_id, channel FROM subscriptions WHERE subscription_id = $1',
      [subscriptionId],
    );
    const row = rows[0];
    if (!row) return { status: 'not_found' };
    if (row.consent_id !== null || (row.state !== 'unmatched' && row.state !== 'ambiguous'))
      return { status: 'not_flagged', state: row.state };
    await setSubscriptionState(tx, subscriptionId, { state: 'withdrawn', inboundId: undefined, at });
    await tx.query(`UPDATE subscriptions SET resolution = 'dismissed' WHERE subscription_id = $1`, [
      subscriptionId,
    ]);
    const entryId = randomUUID();
    await appendInboundEntries(
      tx,
      [
        {
          entryId,
          site: INBOUND_SITE,
          consentId: null,
          inboundId: row.inbound_id,
          channel: row.channel,
          type: 'dismissed',
          record: {
            subscriptionId,
            subscriberId: row.subscriber_id,
            inboundId: row.inbound_id,
            previousState: row.state,
            by: 'admin',
          },
        },
      ],
      at,
    );
    await refreshSubscriber(tx, row.subscriber_id, at);
    return { status: 'dismissed', subscriptionId, subscriberId: row.subscriber_id, entryId, dismissedAt: at };
  });
}
