import { channelNames, fillPlaceholders, matchLocale } from '@messenger-optin/sdk';
import type { ReplyKind, ReplyTexts } from './locales/types.js';
import { type ReplyLocale, replyLocales, replyLocaleTags } from './reply-locales.js';

export type { ReplyKind };

interface Fill {
  company: string;
  purpose: string | undefined;
  channel: string;
  /** Only for confirm_request: the one-time confirmation link (e-mail). */
  confirmLink?: string;
}

/** A notice locale such as `de-DE` to a reply locale, else the fallback. */
export function replyLocale(noticeLocale: string | null | undefined, fallback: ReplyLocale): ReplyLocale {
  return matchLocale(noticeLocale, replyLocaleTags, fallback);
}

/** The values a reply text is filled with: the channel by its brand name, a missing purpose by the locale's word. */
function replyValues(texts: ReplyTexts, fill: Fill): Record<string, string> {
  return {
    company: fill.company,
    purpose: fill.purpose ?? texts.purpose,
    channel: (channelNames as Record<string, string>)[fill.channel] ?? fill.channel,
  };
}

/** The reply of `kind` (docs/inbound.md#replies-and-the-outbox) in a locale, or in the texts given. */
export function replyText(kind: ReplyKind, locale: ReplyLocale | ReplyTexts, fill: Fill): string {
  const texts = typeof locale === 'string' ? replyLocales[locale] : locale;
  const values = replyValues(texts, fill);
  const text = fillPlaceholders(texts.replies[kind], values);
  return kind === 'confirm_request' && fill.confirmLink !== undefined
    ? text + fillPlaceholders(texts.linkSentence, { link: fill.confirmLink })
    : text;
}
