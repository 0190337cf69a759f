import { matchLocale } from '@messenger-optin/sdk';
import type { ReplyLocale } from './config.js';

/** The reply texts (docs/inbound.md#replies), per kind and locale. */
export type ReplyKind = 'confirmation' | 'confirm_request' | 'withdrawal' | 'access_ack' | 'erasure_ack';

interface Fill {
  company: string;
  purpose: string | undefined;
  channel: string;
  /** Only for confirm_request: the one-time confirmation link (e-mail). */
  confirmLink?: string;
}

/** Appended to confirm_request when there is a link; answering "Ja"/"Yes" still works. */
const LINK_SENTENCE: Record<ReplyLocale, (link: string) => string> = {
  de: (link) => ` Oder bestätigen Sie über diesen Link (7 Tage gültig): ${link}`,
  en: (link) => ` Or confirm with this link (valid for 7 days): ${link}`,
};

const CHANNEL_NAMES: Record<string, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  messenger: 'Messenger',
  instagram: 'Instagram',
  viber: 'Viber',
  line: 'LINE',
  sms: 'SMS',
  threema: 'Threema',
  signal: 'Signal',
  email: 'E-Mail',
};

const TEXTS: Record<ReplyLocale, Record<ReplyKind, (fill: Required<Omit<Fill, 'confirmLink'>>) => string>> = {
  de: {
    confirmation: ({ purpose, company, channel }) =>
      `Danke! Sie erhalten ab jetzt ${purpose} von ${company} über ${channel}. Abmelden: jederzeit „Stop“ senden.`,
    confirm_request: ({ purpose, company, channel }) =>
      `Bitte bestätigen Sie: Möchten Sie ${purpose} von ${company} über ${channel} erhalten? Dann antworten Sie mit „Ja“.`,
    withdrawal: ({ company, channel }) =>
      `Sie sind abgemeldet und erhalten keine Nachrichten von ${company} mehr über ${channel}.`,
    access_ack: ({ company }) =>
      `Ihre Auskunftsanfrage ist eingegangen. ${company} antwortet innerhalb eines Monats.`,
    erasure_ack: ({ company }) =>
      `Ihre Löschanfrage ist eingegangen. Sie sind abgemeldet; ${company} löscht Ihre Daten innerhalb eines Monats.`,
  },
  en: {
    confirmation: ({ purpose, company, channel }) =>
      `Thank you! From now on you will receive ${purpose} from ${company} via ${channel}. To unsubscribe, send "Stop" at any time.`,
    confirm_request: ({ purpose, company, channel }) =>
      `Please confirm: do you want to receive ${purpose} from ${company} via ${channel}? Then reply "Yes".`,
    withdrawal: ({ company, channel }) =>
      `You are unsubscribed and will receive no more messages from ${company} via ${channel}.`,
    access_ack: ({ company }) =>
      `We have received your access request. ${company} will answer within one month.`,
    erasure_ack: ({ company }) =>
      `We have received your erasure request. You are unsubscribed; ${company} will delete your data within one month.`,
  },
};

const DEFAULT_PURPOSE: Record<ReplyLocale, string> = { de: 'Nachrichten', en: 'messages' };

/** A notice locale such as `de-DE` to a reply locale, else the fallback. */
export function replyLocale(noticeLocale: string | null | undefined, fallback: ReplyLocale): ReplyLocale {
  return matchLocale(noticeLocale, ['de', 'en'], fallback);
}

export function replyText(kind: ReplyKind, locale: ReplyLocale, fill: Fill): string {
  const text = TEXTS[locale][kind]({
    company: fill.company,
    purpose: fill.purpose ?? DEFAULT_PURPOSE[locale],
    channel: CHANNEL_NAMES[fill.channel] ?? fill.channel,
  });
  return kind === 'confirm_request' && fill.confirmLink !== undefined
    ? text + LINK_SENTENCE[locale](fill.confirmLink)
    : text;
}
