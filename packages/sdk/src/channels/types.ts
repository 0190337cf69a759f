/**
 * The shape every channel file fills in (docs/architecture.md#adding-a-channel). Kept apart from
 * the link builders so that `deepLink` alone does not pull in schemas, icons or provider texts.
 */
import type { FieldResult } from '../errors.js';
import type { ChannelType } from './index.js';
import type { NoticeLocale } from '../notices/locales.js';

export type { ChannelType };

/** How the message reaches the chat: typed in for the visitor, as a bot payload, or not at all. */
export type PrefillKind = 'text' | 'payload' | 'none';

/** On desktop: show a QR code of the link for the phone, or open the link directly. */
export type DesktopStrategy = 'qr' | 'direct';

/**
 * A provider fact in German and English, written in the channel file. A locale added later
 * translates it in its own file (`NoticeTemplates.providerTexts`), else it reads English.
 */
export interface LocalizedText {
  en: string;
  de: string;
}

/**
 * Facts about the messenger provider that the data-use notice states, from the provider's own
 * policies (docs/notices.md, "Provider facts"; re-check each before a release). German texts are in
 * the accusative and the formal "Sie", as the sentences around them need.
 */
export interface ProviderFacts {
  /** Who serves EU/EEA users: "WhatsApp Ireland Limited". */
  provider: LocalizedText;
  /** Its seat (and EU representative), for Details: "Dublin, Irland". */
  seat: LocalizedText;
  /** What the provider itself receives, as an independent controller. */
  providerData: LocalizedText;
  /** Where data goes outside the EU/EEA, for the first layer: "in die USA" / "to the USA". */
  countries: LocalizedText;
  /** Where and on what basis, as the provider states it (Details). */
  transfer: LocalizedText;
  /** What the business receives ({identifier}). */
  identifier: LocalizedText;
  /** When the business receives it: when the visitor sends, or as soon as the chat opens. */
  receivedOn: 'send' | 'open';
  /** The transfer to the USA rests on the EU-US Data Privacy Framework (Details add its status). */
  dpf?: true;
  /**
   * No safeguard under Chapter V GDPR: the first layer states the risk and the checkbox (always
   * shown) asks for consent to the transfer (Art. 49(1)(a) GDPR).
   */
  transferConsent?: true;
  /** The provider's privacy policy, linked in Details where the transfer mechanisms are listed there. */
  policy?: string;
}

/** A text in one language, or per shipped locale (`{ de, en }`; a missing locale falls back to `en`). */
export type ConfigText = string | ({ en: string } & { [Locale in NoticeLocale]?: string });

/** The business's SMS or e-mail provider (a processor), required for those channels. */
export interface ChannelProvider {
  name: string;
  /** ISO 3166-1 alpha-2, shown by name. */
  country: string;
  /** Where data goes outside the EU/EEA and on what basis; "Keine Übermittlung in Drittländer." is valid. */
  transfer: ConfigText;
}

/** A 24×24 icon drawn as one SVG path (own design; rendered without innerHTML, so CSP-safe). */
export interface ChannelIcon {
  viewBox: string;
  path: string;
}

/** The result of `deepLink` (packages/sdk/README.md). */
export interface DeepLink {
  href: string;
  prefill: PrefillKind;
  /** The exact message (NFC) the visitor is asked to send, also for payload/none channels. */
  message: string;
  /** The slug given to bots (Telegram start, Messenger/Instagram ref, Viber context). */
  payload?: string;
}

export interface DeepLinkOptions {
  /** SMS links differ on iOS (`sms:+49…&body=`). Default: 'other'. */
  platform?: Platform;
}

/** Display facts of a channel: small, on the widget's first-paint path. */
export interface ChannelMeta extends ChannelDisplay {
  type: ChannelType;
  /** Brand name shown on the button and in the notice, e.g. "WhatsApp" (from `names.ts`). */
  name: string;
}

/** What a channel file states for display; the registry adds the type and the name. */
export interface ChannelDisplay {
  prefill: PrefillKind;
  desktop: DesktopStrategy;
  icon: ChannelIcon;
}

/** The visitor's platform where links differ: iOS or anything else. */
export type Platform = 'ios' | 'other';

/**
 * What `deepLink`, the zod schema and the zod-free check need of a channel: its `type`, a parser per
 * config field (besides `type` and `label`), and the link builder. One object per channel file,
 * listed once in the registry (`channels/index.ts`).
 */
export interface Channel<Config extends { type: string }> {
  type: Config['type'];
  /** One parser per field of the config; the same parser checks the config and builds the link. */
  fields: { readonly [Key in Exclude<keyof Config, 'type' | 'label' | 'provider'>]: FieldParser };
  /**
   * The business names its own provider for this channel (a processor: the SMS gateway, the mail
   * service), so the config needs `provider` (docs/notices.md); set exactly when `Config` has it.
   */
  ownProvider?: true;
  /**
   * Builds the link from the config and the message (already NFC). Throws `ConfigError` for a config
   * value it cannot use; `deepLink` adds the checks common to every channel. A method (not a
   * function property), so that channels of different configs form one `AnyChannel[]`.
   */
  link(config: Config, message: string, options: DeepLinkOptions): DeepLink;
}

/** Any registered channel, whatever its config. */
export type AnyChannel = Channel<{ type: string }>;

/** The config a channel object is built for. */
export type ConfigOf<C> = C extends Channel<infer Config> ? Config : never;

/** Reads one config field: the normalized value or what is wrong (see errors.ts `FieldResult`). */
export type FieldParser = (value: string) => FieldResult;
