import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../store/sql-client.js';
import {
  INBOUND_SITE,
  appendInboundEntries,
  consentById,
  findMessage,
  lockMatching,
  refreshSubscriber,
  setSubscriptionState,
  subscriberById,
  subscriptionsOf,
  upsertSubscription,
} from '../store/inbound-sql.js';
import { dropQueuedReplies } from '../store/outbox-sql.js';
import { closeRightsRequest, erasePersonalData } from '../store/subscribers-sql.js';
import type { InboundConfig } from './config.js';
import type { ChangeHook, SubscriptionChange } from './process.js';
import { queueReply } from './queue-reply.js';
import type { ProviderReplies } from './types.js';

/** The admin's side of the inbound flow (docs/inbound.md#admin): link, erase, close. */
export interface AdminContext {
  client: SqlClient;
  config: InboundConfig;
  now: () => Date;
  repliesFor: (provider: string) => ProviderReplies | undefined;
  onChanges?: ChangeHook | undefined;
}

export type LinkResult =
  | { status: 'stored'; entryId: string; subscriberId: string }
  | { status: 'message_not_found' | 'consent_not_found' | 'channel_mismatch' | 'taken' };

const ACTIVE = new Set(['confirmed', 'unmatched', 'ambiguous', 'awaiting_reply', 'pending']);

/**
 * Resolves an ambiguous or unmatched opt-in by hand: links the message to the consent and writes
 * `confirmed` with `via: "admin"`; the confirmation reply is queued (the outbox drops it when the
 * provider's window has closed).
 */
export async function linkInbound(
  ctx: AdminContext,
  consentId: string,
  inboundId: string,
): Promise<LinkResult> {
  const at = ctx.now();
  const receivedAt = at.toISOString();
  return ctx.client.transaction(async (tx) => {
    await lockMatching(tx);
    const message = await findMessage(tx, { inboundId });
    if (!message || message.subscriberId === null) return { status: 'message_not_found' };
    const consent = await consentById(tx, consentId);
    if (!consent) return { status: 'consent_not_found' };
    const subscriberId = message.subscriberId;
    const own = await subscriptionsOf(tx, subscriberId);
    const { rows } = await tx.query<{ subscriber_id: string; state: string }>(
      'SELECT subscriber_id, state FROM subscriptions WHERE consent_id = $1',
      [consentId],
    );
    const existing = rows[0];
    if (existing && existing.subscriber_id !== subscriberId && existing.state !== 'pending')
      return { status: 'taken' };
    const subscriber = await subscriberById(tx, subscriberId);
    if (subscriber && subscriber.channel !== (await consentChannel(tx, consentId)))
      return { status: 'channel_mismatch' };

    const flagged = own.find(
      (item) => item.consent_id === null && (item.state === 'unmatched' || item.state === 'ambiguous'),
    );
    const from = flagged?.state ?? null;
    if (flagged && !existing) {
      await setSubscriptionState(tx, flagged.subscription_id, {
        state: 'confirmed',
        inboundId,
        at: receivedAt,
        consent,
      });
    } else {
      await upsertSubscription(tx, {
        subscriptionId: randomUUID(),
        subscriberId,
        consent,
        channel: message.channel,
        state: 'confirmed',
        inboundId,
        at: receivedAt,
      });
      if (flagged)
        await setSubscriptionState(tx, flagged.subscription_id, {
          state: 'withdrawn',
          inboundId,
          at: receivedAt,
        });
    }
    const entryId = randomUUID();
    await appendInboundEntries(
      tx,
      [
        {
          entryId,
          site: consent.site,
          consentId,
          inboundId,
          channel: message.channel,
          type: 'confirmed',
          record: { consentId, subscriberId, inboundId, via: 'admin' },
        },
      ],
      receivedAt,
    );
    await refreshSubscriber(tx, subscriberId, receivedAt);
    await queueReply(tx, ctx.config, ctx.repliesFor(message.provider), {
      kind: 'confirmation',
      noticeLocale: consent.locale ?? null,
      purpose: consent.purpose,
      provider: message.provider,
      channel: message.channel,
      inboundId,
      senderHash: message.senderHashes[0] ?? '',
      subscriberId,
      context: message.replyContext,
      providerTime: message.providerTime === null ? undefined : new Date(message.providerTime),
      at,
    });
    const change: SubscriptionChange = {
      subscriberId,
      consentId,
      site: consent.site,
      channel: message.channel,
      from,
      to: 'confirmed',
      inboundId,
      via: 'admin',
    };
    await ctx.onChanges?.(tx, [change]);
    return { status: 'stored', entryId, subscriberId };
  });
}

async function consentChannel(tx: Parameters<Parameters<SqlClient['transaction']>[0]>[0], consentId: string) {
  const { rows } = await tx.query<{ channel: string | null }>(
    "SELECT channel FROM entries WHERE consent_id = $1 AND kind = 'event' AND channel IS NOT NULL LIMIT 1",
    [consentId],
  );
  return rows[0]?.channel ?? null;
}

export type EraseSubscriberResult =
  | {
      status: 'erased';
      subscriberId: string;
      erasedAt: string;
      entryId: string;
      persons: number;
      texts: number;
      droppedReplies: number;
    }
  | { status: 'not_found' };

/**
 * Deletes a subscriber's personal data (addresses, message texts, raw message ids), drops queued
 * replies, withdraws what is still active and writes `erased`. The chain keeps only keyed hashes,
 * so `verify` stays green.
 */
export async function eraseSubscriber(
  ctx: AdminContext,
  subscriberId: string,
): Promise<EraseSubscriberResult> {
  const at = ctx.now().toISOString();
  return ctx.client.transaction(async (tx) => {
    await lockMatching(tx);
    const subscriber = await subscriberById(tx, subscriberId);
    if (!subscriber) return { status: 'not_found' };
    const entries = [];
    const changes: SubscriptionChange[] = [];
    for (const item of await subscriptionsOf(tx, subscriberId)) {
      if (!ACTIVE.has(item.state)) continue;
      await setSubscriptionState(tx, item.subscription_id, { state: 'withdrawn', inboundId: undefined, at });
      changes.push({
        subscriberId,
        consentId: item.consent_id,
        site: item.site,
        channel: item.channel,
        from: item.state,
        to: 'withdrawn',
        inboundId: null,
        via: 'admin',
      });
      entries.push({
        entryId: randomUUID(),
        site: item.site ?? INBOUND_SITE,
        consentId: item.consent_id,
        inboundId: null,
        channel: item.channel,
        type: 'withdrawn',
        record: { consentId: item.consent_id, subscriberId, inboundId: null, reason: 'erasure_request' },
      });
    }
    const erased = await erasePersonalData(tx, subscriberId, at);
    const droppedReplies = await dropQueuedReplies(tx, erased.senderHashes, 'erased');
    const entryId = randomUUID();
    entries.push({
      entryId,
      site: INBOUND_SITE,
      consentId: null,
      inboundId: null,
      channel: subscriber.channel,
      type: 'erased',
      record: { subscriberId, senderHashes: erased.senderHashes },
    });
    await appendInboundEntries(tx, entries, at);
    await refreshSubscriber(tx, subscriberId, at);
    if (changes.length > 0) await ctx.onChanges?.(tx, changes);
    return {
      status: 'erased',
      subscriberId,
      erasedAt: at,
      entryId,
      persons: erased.persons,
      texts: erased.texts,
      droppedReplies,
    };
  });
}

export type CloseResult = { status: 'closed'; entryId: string } | { status: 'not_found' | 'already_closed' };

export async function closeRequest(
  ctx: AdminContext,
  requestId: string,
  resolution: string,
): Promise<CloseResult> {
  const at = ctx.now().toISOString();
  return ctx.client.transaction(async (tx) => {
    const found = await closeRightsRequest(tx, requestId, resolution, at);
    if (found === undefined) return { status: 'not_found' };
    if (found === 'closed') return { status: 'already_closed' };
    const entryId = randomUUID();
    await appendInboundEntries(
      tx,
      [
        {
          entryId,
          site: INBOUND_SITE,
          consentId: null,
          inboundId: found.inboundId,
          channel: null,
          type: 'rights_request_closed',
          record: { requestId, subscriberId: found.subscriberId, inboundId: found.inboundId, resolution },
        },
      ],
      at,
    );
    return { status: 'closed', entryId };
  });
}
