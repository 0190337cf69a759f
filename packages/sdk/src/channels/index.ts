/**
 * The registry: the only list of channels (spec: channels.md, "Adding a channel"). A channel is one
 * file beside this one plus one line in each record below; `satisfies` makes the compiler point at
 * any record that misses it.
 *
 * Links, display facts and provider texts are separate records on purpose: the records are plain
 * object literals, so a bundler keeps only the ones an entry uses. `deepLink` pulls in the link
 * builders, not the icons or the notice texts (budget: performance.md).
 */
import { emailLink, emailMeta, emailProvider } from './email.js';
import type { EmailConfig } from './email.js';
import { instagramLink, instagramMeta, instagramProvider } from './instagram.js';
import type { InstagramConfig } from './instagram.js';
import { lineLink, lineMeta, lineProvider } from './line.js';
import type { LineConfig } from './line.js';
import { messengerLink, messengerMeta, messengerProvider } from './messenger.js';
import type { MessengerConfig } from './messenger.js';
import { signalLink, signalMeta, signalProvider } from './signal.js';
import type { SignalConfig } from './signal.js';
import { smsLink, smsMeta, smsProvider } from './sms.js';
import type { SmsConfig } from './sms.js';
import { telegramLink, telegramMeta, telegramProvider } from './telegram.js';
import type { TelegramConfig } from './telegram.js';
import { threemaLink, threemaMeta, threemaProvider } from './threema.js';
import type { ThreemaConfig } from './threema.js';
import type { ChannelMeta, ChannelType, LinkBuilder, ProviderFacts } from './types.js';
import { viberLink, viberMeta, viberProvider } from './viber.js';
import type { ViberConfig } from './viber.js';
import { whatsappLink, whatsappMeta, whatsappProvider } from './whatsapp.js';
import type { WhatsappConfig } from './whatsapp.js';

/** One channel's config, discriminated on `type`. */
export type ChannelConfig =
  | WhatsappConfig
  | TelegramConfig
  | MessengerConfig
  | InstagramConfig
  | ViberConfig
  | ThreemaConfig
  | SignalConfig
  | SmsConfig
  | LineConfig
  | EmailConfig;

/** Every channel type in display order. */
export const channelTypes = [
  'whatsapp',
  'telegram',
  'messenger',
  'instagram',
  'viber',
  'threema',
  'signal',
  'sms',
  'line',
  'email',
] as const satisfies readonly ChannelType[];

type Links = { [T in ChannelType]: LinkBuilder<Extract<ChannelConfig, { type: T }>> };

export const channelLinks: Links = {
  whatsapp: whatsappLink,
  telegram: telegramLink,
  messenger: messengerLink,
  instagram: instagramLink,
  viber: viberLink,
  threema: threemaLink,
  signal: signalLink,
  sms: smsLink,
  line: lineLink,
  email: emailLink,
};

/** Name, prefill kind, desktop strategy and icon per channel: the widget's first paint needs these. */
export const channelMeta: Record<ChannelType, ChannelMeta> = {
  whatsapp: whatsappMeta,
  telegram: telegramMeta,
  messenger: messengerMeta,
  instagram: instagramMeta,
  viber: viberMeta,
  threema: threemaMeta,
  signal: signalMeta,
  sms: smsMeta,
  line: lineMeta,
  email: emailMeta,
};

/** Who processes the data per channel, for the data-use notice (spec: notices.md). */
export const channelProviders: Record<ChannelType, ProviderFacts> = {
  whatsapp: whatsappProvider,
  telegram: telegramProvider,
  messenger: messengerProvider,
  instagram: instagramProvider,
  viber: viberProvider,
  threema: threemaProvider,
  signal: signalProvider,
  sms: smsProvider,
  line: lineProvider,
  email: emailProvider,
};

export type {
  EmailConfig,
  InstagramConfig,
  LineConfig,
  MessengerConfig,
  SignalConfig,
  SmsConfig,
  TelegramConfig,
  ThreemaConfig,
  ViberConfig,
  WhatsappConfig,
};
