import { randomUUID } from 'node:crypto';
import type { SqlQueryable } from '../store/sql-client.js';
import { enqueueReply } from '../store/inbound-sql.js';
import type { InboundConfig } from './config.js';
import { type ReplyKind, replyLocale, replyText } from './replies.js';
import type { ProviderReplies } from './types.js';

export interface ReplyRequest {
  kind: ReplyKind;
  /** The consent's notice locale (e.g. `de-DE`); the configured INBOUND_LOCALE when none. */
  noticeLocale: string | null;
  purpose: string | undefined;
  provider: string;
  channel: string;
  inboundId: string;
  senderHash: string;
  subscriberId: string | undefined;
  context: Record<string, string>;
  /** When the person wrote: service windows (24 h) count from here. */
  providerTime: Date | undefined;
  at: Date;
  /** The one-time confirmation link a confirm_request carries (e-mail, confirm-link.ts). */
  confirmLink?: string;
}

/**
 * Writes the reply into the outbox in the caller's transaction, when replies are on for the
 * provider. Returns the text either way (the generic route hands it to the bridge), or null when no
 * INBOUND_COMPANY is set.
 */
export async function queueReply(
  tx: SqlQueryable,
  config: InboundConfig,
  replies: ProviderReplies | undefined,
  request: ReplyRequest,
): Promise<{ kind: ReplyKind; text: string } | null> {
  if (config.company === undefined) return null;
  const locale = replyLocale(request.noticeLocale, config.locale);
  const text = replyText(request.kind, locale, {
    company: config.company,
    purpose: request.purpose,
    channel: request.channel,
    ...(request.confirmLink === undefined ? {} : { confirmLink: request.confirmLink }),
  });
  if (replies) {
    const from =
      request.providerTime && request.providerTime < request.at ? request.providerTime : request.at;
    await enqueueReply(tx, {
      id: randomUUID(),
      provider: request.provider,
      channel: request.channel,
      kind: request.kind,
      inboundId: request.inboundId,
      senderHash: request.senderHash,
      subscriberId: request.subscriberId,
      locale,
      text,
      context: request.context,
      at: request.at.toISOString(),
      windowEndsAt:
        replies.windowHours === undefined
          ? undefined
          : new Date(from.getTime() + replies.windowHours * 3_600_000).toISOString(),
    });
  }
  return { kind: request.kind, text };
}
