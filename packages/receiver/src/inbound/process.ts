import { randomUUID } from 'node:crypto';
import type { SqlClient, SqlQueryable } from '../store/sql-client.js';
import {
  INBOUND_SITE,
  type InboundEntry,
  type PendingConsent,
  type SubscriptionRow,
  type SubscriptionState,
  appendInboundEntries,
  consentById,
  createSubscriber,
  findMessage,
  findPendingConsents,
  findSubscriber,
  finishMessage,
  insertMessage,
  insertRightsRequest,
  lockMatching,
  refreshSubscriber,
  saveSenders,
  saveText,
  setSubscriptionState,
  subscriptionsOf,
  upsertSubscription,
  whyNoMatch,
  withdrawnAfter,
} from '../store/inbound-sql.js';
import type { InboundConfig } from './config.js';
import { type Intent, parseMessage, sameMessage, storableText } from './parse.js';
import { createConfirmLink } from './confirm-link.js';
import { queueReply } from './queue-reply.js';
import type { ReplyKind } from './replies.js';
import { keyedHash, senderHash } from './sender.js';
import type { IgnoredReason, InboundEvent, ProviderReplies, Trigger } from './types.js';

/**
 * Matching and sealing (docs/inbound.md#matching-and-the-chain): one transaction per event. The delivery is
 * inserted first (a retry stops there), then the event is classified, matched to a pending web
 * consent, chained, the subscriber updated and a reply queued, all or nothing.
 */

export type Outcome =
  | 'confirmed'
  | 'awaiting_reply'
  | 'ambiguous'
  | 'unmatched'
  | 'already_confirmed'
  | 'chat_opened'
  | 'superseded'
  | 'withdrawn'
  | 'nothing_to_withdraw'
  | 'access_requested'
  | 'erasure_requested';

/**
 * A subscription that changed state, returned to the caller and handed to `onChanges` inside the
 * transaction: a CRM webhook queued there commits or rolls back with the change itself.
 */
export interface SubscriptionChange {
  subscriberId: string;
  consentId: string | null;
  site: string | null;
  channel: string;
  from: SubscriptionState | null;
  to: SubscriptionState;
  inboundId: string | null;
  /** `link`: the one-time confirmation link of an e-mail opt-in (confirm-link.ts). */
  via: 'message' | 'signal' | 'admin' | 'link';
}

export type ChangeHook = (tx: SqlQueryable, changes: readonly SubscriptionChange[]) => Promise<void>;

export interface MatchContext {
  client: SqlClient;
  config: InboundConfig;
  now: () => Date;
  /** The provider's reply settings when replies are on for it (credentials and company set). */
  repliesFor: (provider: string) => ProviderReplies | undefined;
  onChanges?: ChangeHook | undefined;
}

export interface Reply {
  kind: ReplyKind;
  text: string;
}

export type ProcessResult =
  | { status: 'ignored'; reason: IgnoredReason }
  | {
      status: 'stored' | 'duplicate';
      outcome: string;
      inboundId: string;
      entryId: string | null;
      reply: Reply | null;
      changes: SubscriptionChange[];
    };

/** Thrown inside the transaction to roll it back: the event turned out to say nothing. */
class NothingToStore extends Error {}

interface Classified {
  intent: Intent;
  ref: string | undefined;
  trigger: Trigger;
  /** The text to keep in inbound_texts (typed text or payload), storable. */
  text: string | undefined;
  /** May the chain hold the text itself (payload or bare keyword phrase)? */
  chainable: boolean;
  signal: string | undefined;
}

const TEXT_MAX = 4096;

export function classify(event: InboundEvent, config: InboundConfig): Classified {
  const options = { channel: event.channel, keywords: config.keywords };
  const content = event.content;
  if (content.kind === 'signal')
    return {
      intent: 'withdraw',
      ref: undefined,
      trigger: 'signal',
      text: undefined,
      chainable: false,
      signal: content.signal,
    };
  if (content.kind === 'payload') {
    const parsed = parseMessage(content.payload, { ...options, source: 'payload' });
    return {
      intent: parsed.intent,
      ref: parsed.ref,
      trigger: content.trigger,
      text: storableText(content.payload).slice(0, TEXT_MAX),
      chainable: true,
      signal: undefined,
    };
  }
  const parsed = parseMessage(content.text, { ...options, source: 'text' });
  return {
    intent: parsed.intent,
    ref: parsed.ref,
    trigger: parsed.trigger,
    text: storableText(content.text).slice(0, TEXT_MAX),
    chainable: parsed.keywordOnly,
    signal: undefined,
  };
}

/** Same day of the next month, or its last day (Art. 12(3): one month). */
export function oneMonthLater(at: Date): Date {
  const due = new Date(at);
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + 1);
  const last = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, last));
  return due;
}

const ACTIVE: readonly SubscriptionState[] = [
  'confirmed',
  'unmatched',
  'ambiguous',
  'awaiting_reply',
  'pending',
];
/** A sender address on these can be forged: a second answer confirms (docs/inbound.md#matching-and-the-chain). */
const SECOND_STEP_CHANNELS = new Set(['email', 'sms']);

export async function processEvent(event: InboundEvent, ctx: MatchContext): Promise<ProcessResult> {
  const classified = classify(event, ctx.config);
  if (classified.trigger === 'opened' && classified.intent !== 'optin')
    return { status: 'ignored', reason: 'no_intent' };
  if (classified.intent === 'no_intent' && classified.ref === undefined)
    return { status: 'ignored', reason: 'no_intent' };
  try {
    return await ctx.client.transaction((tx) => new Matching(tx, event, classified, ctx).run());
  } catch (error) {
    if (error instanceof NothingToStore) return { status: 'ignored', reason: 'no_intent' };
    throw error;
  }
}

/** One event's transaction: what it found and what it will write. */
class Matching {
  private readonly at: Date;
  private readonly receivedAt: string;
  private readonly inboundId = randomUUID();
  private readonly senders: Array<{ hash: string; address: string | undefined }>;
  private readonly entries: InboundEntry[] = [];
  private readonly changes: SubscriptionChange[] = [];
  /** Consents this message is about: its message_received goes to their site when there is one. */
  private readonly concerned: Array<{ consentId: string | null; site: string | null }> = [];
  private subscriberId: string | undefined;
  private reply: { kind: ReplyKind; locale: string | null; purpose: string | undefined } | undefined;
  /** The awaiting_reply subscription whose confirm_request may carry a one-time link. */
  private linkSubscriptionId: string | undefined;
  private textMatchesConsent = false;
  private intent: Intent;

  constructor(
    private readonly tx: SqlQueryable,
    private readonly event: InboundEvent,
    private readonly classified: Classified,
    private readonly ctx: MatchContext,
  ) {
    this.at = ctx.now();
    this.receivedAt = this.at.toISOString();
    this.senders = event.senders.map((sender) => ({
      hash: senderHash(ctx.config.hashKey, sender.key),
      address: sender.address,
    }));
    this.intent = classified.intent;
  }

  private get windowStart(): string {
    return new Date(this.at.getTime() - this.ctx.config.matchWindowDays * 86_400_000).toISOString();
  }

  async run(): Promise<ProcessResult> {
    const { tx, event, classified } = this;
    const inserted = await insertMessage(tx, {
      inboundId: this.inboundId,
      provider: event.provider,
      providerMessageId: event.messageId,
      updateId: event.updateId,
      channel: event.channel,
      senderHashes: this.senders.map((sender) => sender.hash),
      trigger: classified.trigger,
      intent: classified.intent,
      ref: classified.ref,
      providerTime: event.providerTime,
      receivedAt: this.receivedAt,
      replyContext: event.replyContext,
    });
    if (!inserted) {
      const stored = await findMessage(tx, { provider: event.provider, providerMessageId: event.messageId });
      return {
        status: 'duplicate',
        outcome: stored?.outcome ?? 'unknown',
        inboundId: stored?.inboundId ?? '',
        entryId: stored?.entryId ?? null,
        reply: null,
        changes: [],
      };
    }
    await lockMatching(tx);
    const subscriber = await findSubscriber(
      tx,
      this.senders.map((sender) => sender.hash),
    );
    this.subscriberId = subscriber?.subscriber_id;

    const outcome = await this.decide();
    if (this.subscriberId !== undefined) {
      await saveSenders(tx, this.subscriberId, this.senders, {
        channel: event.channel,
        provider: event.provider,
        at: this.receivedAt,
      });
      await refreshSubscriber(tx, this.subscriberId, this.receivedAt);
    }
    if (classified.text !== undefined) await saveText(tx, this.inboundId, classified.text);

    const messageEntry = this.messageReceived();
    await appendInboundEntries(tx, [messageEntry, ...this.entries], this.receivedAt);
    await finishMessage(tx, this.inboundId, {
      outcome,
      entryId: messageEntry.entryId,
      subscriberId: this.subscriberId,
      intent: this.intent,
    });
    const reply = await this.queueReply();
    if (this.changes.length > 0) await this.ctx.onChanges?.(tx, this.changes);
    return {
      status: 'stored',
      outcome,
      inboundId: this.inboundId,
      entryId: messageEntry.entryId,
      reply,
      changes: this.changes,
    };
  }

  private async decide(): Promise<Outcome> {
    const { classified } = this;
    switch (this.intent) {
      case 'withdraw':
        return this.withdraw(
          classified.signal === undefined ? 'stop_keyword' : `provider_signal:${classified.signal}`,
        );
      case 'erasure':
      case 'access':
        return this.rightsRequest(this.intent);
      case 'yes':
        return this.secondStep();
      case 'no_intent': {
        // "Newsletter Firma K7Q2X9": an opt-in only because its ref is pending.
        const pending = await this.pending(classified.ref ?? '');
        if (pending.length === 0) throw new NothingToStore();
        this.intent = 'optin';
        return this.optin(pending);
      }
      default:
        return classified.trigger === 'opened' ? this.chatOpened() : this.optin(undefined);
    }
  }

  private pending(ref: string): Promise<PendingConsent[]> {
    return findPendingConsents(this.tx, {
      channel: this.event.channel,
      ref,
      since: this.windowStart,
      until: this.receivedAt,
    });
  }

  private async ensureSubscriber(): Promise<string> {
    if (this.subscriberId === undefined) {
      this.subscriberId = randomUUID();
      await createSubscriber(this.tx, {
        subscriberId: this.subscriberId,
        channel: this.event.channel,
        at: this.receivedAt,
      });
    }
    return this.subscriberId;
  }

  private async optin(knownPending: PendingConsent[] | undefined): Promise<Outcome> {
    const { tx, event, classified } = this;
    const ref = classified.ref;
    if (this.subscriberId !== undefined && event.providerTime !== undefined) {
      if (await withdrawnAfter(tx, this.subscriberId, event.providerTime.toISOString())) return 'superseded';
    }
    const own = this.subscriberId === undefined ? [] : await subscriptionsOf(tx, this.subscriberId);
    if (ref !== undefined) {
      const confirmed = own.find((item) => item.state === 'confirmed' && item.ref === ref);
      if (confirmed) {
        this.concerned.push({ consentId: confirmed.consent_id, site: confirmed.site });
        this.reply = {
          kind: 'confirmation',
          locale: confirmed.locale,
          purpose: confirmed.purpose ?? undefined,
        };
        return 'already_confirmed';
      }
      const pending = knownPending ?? (await this.pending(ref));
      if (pending.length === 1 && pending[0]) return this.confirm(pending[0], 'message');
      if (pending.length > 1) return this.ambiguous(pending.map((item) => item.consentId));
      return this.unmatched(
        ref,
        await whyNoMatch(tx, { channel: event.channel, ref, since: this.windowStart }),
      );
    }
    // No ref: a consent this sender opened the chat for (chat_opened) is the one meant.
    const bound = await this.boundConsents(own);
    if (bound.length === 1 && bound[0]) return this.confirm(bound[0], 'message');
    if (bound.length > 1) return this.ambiguous(bound.map((item) => item.consentId));
    return this.unmatched(undefined, 'no_ref');
  }

  private async boundConsents(own: SubscriptionRow[]): Promise<PendingConsent[]> {
    const found: PendingConsent[] = [];
    for (const item of own.filter((row) => row.state === 'pending' && row.consent_id !== null)) {
      const consent = await consentById(this.tx, item.consent_id ?? '');
      if (consent && consent.receivedAt > this.windowStart) found.push(consent);
    }
    return found;
  }

  private async confirm(consent: PendingConsent, via: 'message' | 'admin'): Promise<Outcome> {
    const subscriberId = await this.ensureSubscriber();
    const secondStep = SECOND_STEP_CHANNELS.has(this.event.channel);
    const state: SubscriptionState = secondStep ? 'awaiting_reply' : 'confirmed';
    const subscriptionId = await upsertSubscription(this.tx, {
      subscriptionId: randomUUID(),
      subscriberId,
      consent,
      channel: this.event.channel,
      state,
      inboundId: this.inboundId,
      at: this.receivedAt,
    });
    this.concerned.push({ consentId: consent.consentId, site: consent.site });
    this.textMatchesConsent =
      this.classified.text !== undefined &&
      consent.message !== null &&
      sameMessage(this.classified.text, consent.message);
    this.change(consent.consentId, consent.site, 'pending', state, via);
    this.reply = {
      kind: secondStep ? 'confirm_request' : 'confirmation',
      locale: consent.locale ?? null,
      purpose: consent.purpose,
    };
    if (secondStep) {
      this.linkSubscriptionId = subscriptionId;
      return 'awaiting_reply';
    }
    this.entries.push(
      this.entry('confirmed', consent.site, consent.consentId, {
        consentId: consent.consentId,
        subscriberId,
        inboundId: this.inboundId,
        via,
      }),
    );
    return 'confirmed';
  }

  /** "Ja"/"Yes" from a sender whose e-mail or SMS opt-in awaits it. */
  private async secondStep(): Promise<Outcome> {
    if (this.subscriberId === undefined) throw new NothingToStore();
    const subscriberId = this.subscriberId;
    const waiting = (await subscriptionsOf(this.tx, subscriberId)).filter(
      (item) => item.state === 'awaiting_reply',
    );
    const open: SubscriptionRow[] = [];
    for (const item of waiting) {
      const consent = item.consent_id === null ? undefined : await consentById(this.tx, item.consent_id);
      if (consent && consent.receivedAt > this.windowStart) open.push(item);
    }
    if (open.length === 0) throw new NothingToStore();
    this.intent = 'optin';
    for (const item of open) {
      await setSubscriptionState(this.tx, item.subscription_id, {
        state: 'confirmed',
        inboundId: this.inboundId,
        at: this.receivedAt,
      });
      this.concerned.push({ consentId: item.consent_id, site: item.site });
      this.change(item.consent_id, item.site, 'awaiting_reply', 'confirmed', 'message');
      this.entries.push(
        this.entry('confirmed', item.site ?? INBOUND_SITE, item.consent_id, {
          consentId: item.consent_id,
          subscriberId,
          inboundId: this.inboundId,
          via: 'message',
        }),
      );
      this.reply = { kind: 'confirmation', locale: item.locale, purpose: item.purpose ?? undefined };
    }
    return 'confirmed';
  }

  private async ambiguous(candidateConsentIds: string[]): Promise<Outcome> {
    const subscriberId = await this.ensureSubscriber();
    await upsertSubscription(this.tx, {
      subscriptionId: randomUUID(),
      subscriberId,
      consent: undefined,
      channel: this.event.channel,
      state: 'ambiguous',
      inboundId: this.inboundId,
      candidateConsentIds,
      at: this.receivedAt,
    });
    this.change(null, null, null, 'ambiguous', 'message');
    this.entries.push(
      this.entry('ambiguous', INBOUND_SITE, null, { inboundId: this.inboundId, candidateConsentIds }),
    );
    return 'ambiguous';
  }

  private async unmatched(refCandidate: string | undefined, reason: string): Promise<Outcome> {
    const subscriberId = await this.ensureSubscriber();
    await upsertSubscription(this.tx, {
      subscriptionId: randomUUID(),
      subscriberId,
      consent: undefined,
      channel: this.event.channel,
      state: 'unmatched',
      inboundId: this.inboundId,
      at: this.receivedAt,
    });
    this.change(null, null, null, 'unmatched', 'message');
    this.entries.push(
      this.entry('optin_without_web_consent', INBOUND_SITE, null, {
        inboundId: this.inboundId,
        refCandidate: refCandidate ?? null,
        reason,
      }),
    );
    return 'unmatched';
  }

  /** The chat was opened from the consent's link: bind the sender, confirm nothing yet. */
  private async chatOpened(): Promise<Outcome> {
    const pending = this.classified.ref === undefined ? [] : await this.pending(this.classified.ref);
    const consent = pending[0];
    if (pending.length !== 1 || !consent) throw new NothingToStore();
    const subscriberId = await this.ensureSubscriber();
    await upsertSubscription(this.tx, {
      subscriptionId: randomUUID(),
      subscriberId,
      consent,
      channel: this.event.channel,
      state: 'pending',
      inboundId: this.inboundId,
      at: this.receivedAt,
    });
    this.concerned.push({ consentId: consent.consentId, site: consent.site });
    return 'chat_opened';
  }

  private async withdraw(reason: string): Promise<Outcome> {
    if (this.subscriberId === undefined) return 'nothing_to_withdraw';
    const subscriberId = this.subscriberId;
    const active = (await subscriptionsOf(this.tx, subscriberId)).filter((item) =>
      ACTIVE.includes(item.state),
    );
    for (const item of active) {
      await setSubscriptionState(this.tx, item.subscription_id, {
        state: 'withdrawn',
        inboundId: this.inboundId,
        at: this.receivedAt,
      });
      this.concerned.push({ consentId: item.consent_id, site: item.site });
      this.change(
        item.consent_id,
        item.site,
        item.state,
        'withdrawn',
        this.classified.signal ? 'signal' : 'message',
      );
      this.entries.push(
        this.entry('withdrawn', item.site ?? INBOUND_SITE, item.consent_id, {
          consentId: item.consent_id,
          subscriberId,
          inboundId: this.inboundId,
          reason,
        }),
      );
    }
    if (active.length === 0) return 'nothing_to_withdraw';
    // Signals get no reply: the person blocked or unsubscribed in the app itself.
    if (this.classified.signal === undefined && reason === 'stop_keyword') {
      const latest = [...active].filter((item) => item.state === 'confirmed').at(-1) ?? active.at(-1);
      this.reply = {
        kind: 'withdrawal',
        locale: latest?.locale ?? null,
        purpose: latest?.purpose ?? undefined,
      };
    }
    return 'withdrawn';
  }

  private async rightsRequest(kind: 'access' | 'erasure'): Promise<Outcome> {
    const subscriberId = await this.ensureSubscriber();
    const requestId = randomUUID();
    const dueAt = oneMonthLater(this.at).toISOString();
    if (kind === 'erasure') await this.withdraw('erasure_request');
    await insertRightsRequest(this.tx, {
      requestId,
      kind,
      subscriberId,
      senderHash: this.senders[0]?.hash ?? '',
      channel: this.event.channel,
      inboundId: this.inboundId,
      receivedAt: this.receivedAt,
      dueAt,
    });
    this.entries.push(
      this.entry(kind === 'access' ? 'access_requested' : 'erasure_requested', INBOUND_SITE, null, {
        requestId,
        subscriberId,
        inboundId: this.inboundId,
        dueAt,
      }),
    );
    const latest = (await subscriptionsOf(this.tx, subscriberId))
      .filter((item) => item.locale !== null)
      .at(-1);
    this.reply = {
      kind: kind === 'access' ? 'access_ack' : 'erasure_ack',
      locale: latest?.locale ?? null,
      purpose: undefined,
    };
    return kind === 'access' ? 'access_requested' : 'erasure_requested';
  }

  private change(
    consentId: string | null,
    site: string | null,
    from: SubscriptionState | null,
    to: SubscriptionState,
    via: SubscriptionChange['via'],
  ): void {
    this.changes.push({
      subscriberId: this.subscriberId ?? '',
      consentId,
      site,
      channel: this.event.channel,
      from,
      to,
      inboundId: this.inboundId,
      via,
    });
  }

  private entry(
    type: string,
    site: string,
    consentId: string | null,
    record: Record<string, unknown>,
  ): InboundEntry {
    return {
      entryId: randomUUID(),
      site,
      consentId,
      inboundId: this.inboundId,
      channel: this.event.channel,
      type,
      record,
    };
  }

  /** message_received: keyed hashes only; the text itself only when it adds no personal data. */
  private messageReceived(): InboundEntry {
    const { event, classified, ctx } = this;
    const sites = [...new Set(this.concerned.map((item) => item.site ?? INBOUND_SITE))];
    const consents = [...new Set(this.concerned.map((item) => item.consentId))];
    const site = sites.length === 1 && sites[0] ? sites[0] : INBOUND_SITE;
    const consentId = consents.length === 1 ? (consents[0] ?? null) : null;
    const record: Record<string, unknown> = {
      inboundId: this.inboundId,
      provider: event.provider,
      providerMessageIdHash: keyedHash(ctx.config.hashKey, event.messageId),
      channel: event.channel,
      senderHash: this.senders[0]?.hash,
      ...(this.senders.length > 1 ? { senderHashes: this.senders.map((sender) => sender.hash) } : {}),
      trigger: classified.trigger,
      intent: this.intent,
      ref: classified.ref ?? null,
      providerTime: event.providerTime?.toISOString() ?? null,
      textMatchesConsent: this.textMatchesConsent,
      ...(classified.signal !== undefined ? { signal: classified.signal } : {}),
    };
    if (classified.text !== undefined) {
      if (this.textMatchesConsent || classified.chainable) record['text'] = classified.text;
      else record['textHmac'] = keyedHash(ctx.config.hashKey, classified.text);
    }
    return {
      entryId: randomUUID(),
      site,
      consentId,
      inboundId: this.inboundId,
      channel: event.channel,
      type: 'message_received',
      record,
    };
  }

  /**
   * An e-mail opt-in's confirm_request carries a one-time link (docs/inbound.md#e-mail-confirmation-link)
   * when RECEIVER_PUBLIC_URL says where the receiver is, and only when the reply goes back in the
   * HTTP answer (the generic route): an outbox row would keep the token in plain text.
   */
  private async confirmLink(replies: ProviderReplies | undefined): Promise<string | undefined> {
    const { ctx, event } = this;
    const publicUrl = ctx.config.settings.RECEIVER_PUBLIC_URL;
    if (
      this.reply?.kind !== 'confirm_request' ||
      this.linkSubscriptionId === undefined ||
      event.channel !== 'email' ||
      replies !== undefined ||
      publicUrl === undefined ||
      ctx.config.company === undefined
    )
      return undefined;
    return createConfirmLink(this.tx, {
      publicUrl,
      subscriptionId: this.linkSubscriptionId,
      inboundId: this.inboundId,
      at: this.at,
    });
  }

  private async queueReply(): Promise<Reply | null> {
    const { ctx, event } = this;
    if (!this.reply) return null;
    const replies = ctx.repliesFor(event.provider);
    const confirmLink = await this.confirmLink(replies);
    return queueReply(this.tx, ctx.config, replies, {
      ...(confirmLink === undefined ? {} : { confirmLink }),
      kind: this.reply.kind,
      noticeLocale: this.reply.locale,
      purpose: this.reply.purpose,
      provider: event.provider,
      channel: event.channel,
      inboundId: this.inboundId,
      senderHash: this.senders[0]?.hash ?? '',
      subscriberId: this.subscriberId,
      context: event.replyContext ?? {},
      providerTime: event.providerTime,
      at: this.at,
    });
  }
}
