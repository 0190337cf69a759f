import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type ConfirmLinkRow,
  findConfirmLink,
  insertConfirmLink,
  markConfirmLinkUsed,
} from '../store/confirm-links-sql.js';
import {
  appendInboundEntries,
  consentById,
  lockMatching,
  refreshSubscriber,
  setSubscriptionState,
} from '../store/inbound-sql.js';
import type { SqlClient, SqlQueryable } from '../store/sql-client.js';
import type { InboundConfig } from './config.js';
import type { ChangeHook } from './process.js';

/**
 * One-time confirmation links for e-mail opt-ins (docs/inbound.md#e-mail-confirmation-link): the
 * confirm_request reply carries `<RECEIVER_PUBLIC_URL>/v1/inbound/confirm/<token>`. GET only shows
 * a page with a button, because mail scanners open links; the POST of that button confirms.
 */

/** How long a link works (docs/inbound.md#e-mail-confirmation-link). */
export const CONFIRM_LINK_DAYS = 7;
export const CONFIRM_LINK_PATH = '/v1/inbound/confirm/';
/** 32 random bytes in base64url: 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const tokenSha256 = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Creates a link for an awaiting_reply subscription in the caller's transaction and returns its
 * URL. Only the SHA-256 of the token is stored; the URL exists only in the reply handed back.
 */
export async function createConfirmLink(
  tx: SqlQueryable,
  options: { publicUrl: string; subscriptionId: string; inboundId: string; at: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertConfirmLink(tx, {
    tokenSha256: tokenSha256(token),
    subscriptionId: options.subscriptionId,
    inboundId: options.inboundId,
    createdAt: options.at.toISOString(),
    expiresAt: new Date(options.at.getTime() + CONFIRM_LINK_DAYS * 86_400_000).toISOString(),
  });
  return `${options.publicUrl.replace(/\/+$/, '')}${CONFIRM_LINK_PATH}${token}`;
}

export interface ConfirmLinkContext {
  client: SqlClient;
  config: InboundConfig;
  now: () => Date;
  onChanges?: ChangeHook | undefined;
}

/** What a link stands for, for the page; `status` decides the HTTP answer. */
export type LinkState =
  | { status: 'unknown' }
  | { status: 'used' | 'expired' | 'withdrawn'; locale: string | null }
  | {
      status: 'valid' | 'confirmed' | 'already_confirmed';
      locale: string | null;
      purpose: string | null;
      channel: string;
    };

/** Why a link can no longer confirm, or undefined when it can. */
async function blocker(
  tx: SqlQueryable,
  row: ConfirmLinkRow,
  ctx: ConfirmLinkContext,
): Promise<LinkState | undefined> {
  const at = ctx.now();
  const base = { locale: row.locale, purpose: row.purpose, channel: row.channel };
  if (row.used_at !== null) return { status: 'used', locale: row.locale };
  if (row.state === 'confirmed') return { status: 'already_confirmed', ...base };
  if (row.state !== 'awaiting_reply') return { status: 'withdrawn', locale: row.locale };
  if (new Date(row.expires_at).getTime() <= at.getTime()) return { status: 'expired', locale: row.locale };
  // Like "Ja": only while the web consent is inside the match window (docs/inbound.md#e-mail-confirmation-link).
  const consent = row.consent_id === null ? undefined : await consentById(tx, row.consent_id);
  const windowStart = at.getTime() - ctx.config.matchWindowDays * 86_400_000;
  if (!consent || new Date(consent.receivedAt).getTime() <= windowStart)
    return { status: 'expired', locale: row.locale };
  return undefined;
}

/** GET: reads only. A link scanner opening the URL changes nothing. */
export async function inspectConfirmLink(ctx: ConfirmLinkContext, token: string): Promise<LinkState> {
  if (!TOKEN_PATTERN.test(token)) return { status: 'unknown' };
  return ctx.client.transaction(async (tx) => {
    const row = await findConfirmLink(tx, tokenSha256(token));
    if (!row) return { status: 'unknown' };
    return (
      (await blocker(tx, row, ctx)) ?? {
        status: 'valid',
        locale: row.locale,
        purpose: row.purpose,
        channel: row.channel,
      }
    );
  });
}

/**
 * POST: confirms the subscription (`confirmed`, `via: "link"`, chained to the opt-in message) and
 * uses the link up, in one transaction; a second POST finds it used.
 */
export async function confirmByLink(ctx: ConfirmLinkContext, token: string): Promise<LinkState> {
  if (!TOKEN_PATTERN.test(token)) return { status: 'unknown' };
  const at = ctx.now();
  const receivedAt = at.toISOString();
  return ctx.client.transaction(async (tx) => {
    await lockMatching(tx);
    const hash = tokenSha256(token);
    const row = await findConfirmLink(tx, hash, true);
    if (!row) return { status: 'unknown' };
    const blocked = await blocker(tx, row, ctx);
    if (blocked) {
      // A link whose subscription was confirmed by "Ja" meanwhile has done its job.
      if (blocked.status === 'already_confirmed') await markConfirmLinkUsed(tx, hash, receivedAt);
      return blocked;
    }
    await setSubscriptionState(tx, row.subscription_id, {
      state: 'confirmed',
      inboundId: row.inbound_id,
      at: receivedAt,
    });
    await appendInboundEntries(
      tx,
      [
        {
          entryId: randomUUID(),
          site: row.site ?? '',
          consentId: row.consent_id,
          inboundId: row.inbound_id,
          channel: row.channel,
          type: 'confirmed',
          record: {
            consentId: row.consent_id,
            subscriberId: row.subscriber_id,
            inboundId: row.inbound_id,
            via: 'link',
          },
        },
      ],
      receivedAt,
    );
    await refreshSubscriber(tx, row.subscriber_id, receivedAt);
    await markConfirmLinkUsed(tx, hash, receivedAt);
    await ctx.onChanges?.(tx, [
      {
        subscriberId: row.subscriber_id,
        consentId: row.consent_id,
        site: row.site,
        channel: row.channel,
        from: 'awaiting_reply',
        to: 'confirmed',
        inboundId: row.inbound_id,
        via: 'link',
      },
    ]);
    return { status: 'confirmed', locale: row.locale, purpose: row.purpose, channel: row.channel };
  });
}
