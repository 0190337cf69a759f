import type { ChannelProvider, ChannelType, ConfigText, PrefillKind } from '../channels/types.js';

export type { ChannelProvider, ConfigText };

/** One paragraph of a notice; `link` renders as an anchor after the text. */
export interface NoticeBlock {
  heading?: string;
  text: string;
  link?: { label: string; href: string };
}

/**
 * One of the business's own processors (Art. 28 GDPR), shown as one line in Details:
 * `{ name, role, country, transfer? }` (`country`: ISO 3166-1 alpha-2; `transfer` is required outside
 * the EU/EEA), or `{ preset }` for a processor whose facts ship with the SDK.
 */
export type Processor =
  | { name: string; role: ConfigText; country: string; transfer?: ConfigText | undefined }
  | { preset: ProcessorPreset };

/** Processors whose facts ship with the SDK (docs/notices.md, "Processors"). */
export type ProcessorPreset = 'whatsapp-cloud-api';

/** What the notice needs to know; everything a site owner configures. */
export interface NoticeInput {
  channel: ChannelType;
  /** BCP 47 primary tag, 'de' or 'en' shipped; unknown locales fall back to 'en'. */
  locale: string;
  company: string;
  /** What the visitor subscribes to ("News", "Angebote"); required: the consent covers exactly this. */
  purpose: string;
  /**
   * `true` (default): the messages advertise "products and offers of {company}"; a string names
   * what is advertised instead; `false`: no advertising, and the consent covers none.
   */
  advertising?: boolean | string | undefined;
  /** How often, e.g. "etwa einmal pro Woche". */
  frequency?: string | undefined;
  controller?: string | undefined;
  /** Contact of the data protection officer. */
  dpo?: string | undefined;
  privacyPolicy: string;
  /** Version of the privacy policy ("1. März 2026"), shown beside its link. */
  privacyPolicyVersion?: string | undefined;
  /** The business's own processors. */
  processors?: readonly Processor[] | undefined;
  /** The business's SMS or e-mail provider; required for those channels. */
  provider?: ChannelProvider | undefined;
  /** Years the consent proof is kept after the end of the year of withdrawal. @default 3 */
  retentionYears?: number | undefined;
  /** Days an unconfirmed flow is kept. @default 30 */
  unconfirmedDays?: number | undefined;
  /** Minimum age (Art. 8 GDPR). @default 16 */
  minAge?: number | undefined;
  /** A page with the widget for unsubscribing; linked as "Abmelden" in the notice. */
  unsubscribeUrl?: string | undefined;
  /** The exact withdraw message, e.g. "Stop News Firma" (config only, no visitor data). */
  withdrawMessage: string;
  /** `none`: the message carries no reference code (and the notice names none). @default 'code' */
  reference?: 'code' | 'none' | undefined;
  /** Whether the checkbox is shown (always for channels that need transfer consent). */
  checkbox?: boolean | undefined;
  /**
   * Site-owner overrides of template texts, by key (see `NoticeTexts`); `<channel>.<key>` applies
   * to one channel only and wins over `<key>`. Placeholders such as `{company}` are filled in.
   */
  overrides?: Record<string, string> | undefined;
  /**
   * How the message reaches the chat (`DeepLink.prefill`). Telegram differs between bots (payload)
   * and people (text), so pass what `deepLink` returned; default: the channel's `ChannelMeta.prefill`.
   */
  prefill?: PrefillKind | undefined;
}

/**
 * A notice after its template was filled in with the config. The visitor's own data never enters
 * it: the start message stays the literal `{message}` and the reference code `{ref}`, so the same
 * config renders byte-identical text for every visitor (one archive row per notice version) and an
 * erasure leaves nothing of the visitor in the archive. `fillNotice` fills them for display.
 */
export interface RenderedNotice {
  /** channel + locale + template version, e.g. "whatsapp.de.v2" */
  id: string;
  locale: string;
  /** Template version, e.g. "2". */
  version: string;
  /** sha256 (hex) of `text`. */
  sha256: string;
  /** Heading of the dialog, e.g. "News von Firma über WhatsApp". */
  title: string;
  /** Visible without scrolling on a phone. */
  firstLayer: NoticeBlock[];
  /** Behind "Details". */
  secondLayer: NoticeBlock[];
  /** `none`: the message carries no reference code (and the notice names none). @default 'code' */
  reference?: 'code' | 'none' | undefined;
  /** Whether the checkbox is shown; its label is part of `text` only then. */
  checkbox: boolean;
  /** Label of the checkbox: states the will ("Ja, ich möchte …"), never a confirmation of fact. */
  checkboxLabel: string;
  /** Confirm button, names what opens: "WhatsApp öffnen" / "Open WhatsApp". */
  confirmLabel: string;
  /** Label of the disclosure in front of the second layer. */
  detailsLabel: string;
  /**
   * Everything the dialog can show, as plain text: title, first layer, `[ ] checkbox` (when shown),
   * `[confirm]`, Details with headings, links as `label: URL`. Hashed and archived.
   */
  text: string;
}

/** The locales whose notice templates ship with the SDK (the keys of the loader map). */
export type { NoticeLocale } from './locales.js';

/**
 * Every text of a notice template. Placeholders in braces are filled in by `renderNotice` (see
 * compose.ts for the list); `{message}` and `{ref}` stay for `fillNotice`. A key missing in a
 * locale's `texts` may come from `channelTexts` (keys only some channels use).
 */
export type NoticeTexts = Record<NoticeTextKey, string>;

/** The keys of a template (docs/notices.md lists what each says). */
export type NoticeTextKey =
  | 'title'
  | 'via'
  | 'app'
  | 'intro'
  | 'ads'
  | 'noAds'
  | 'advertisingDefault'
  | 'act'
  | 'actStart'
  | 'onSend'
  | 'onSendCopy'
  | 'onOpen'
  | 'onOpenCopy'
  | 'onStart'
  | 'onStartNoRef'
  | 'consent'
  | 'consentNoAds'
  | 'provider'
  | 'providerCompact'
  | 'countries'
  | 'processorsHint'
  | 'transferRisk'
  | 'stop'
  | 'stopLink'
  | 'unsubscribeLabel'
  | 'privacy'
  | 'privacyLinkLabel'
  | 'privacyVersion'
  | 'checkbox'
  | 'checkboxNoAds'
  | 'checkboxTransfer'
  | 'confirmLabel'
  | 'detailsLabel'
  | 'controllerHeading'
  | 'controller'
  | 'controllerMissing'
  | 'dpo'
  | 'purposeHeading'
  | 'purposeDetails'
  | 'legalBasisHeading'
  | 'legalBasis'
  | 'legalBasisTransfer'
  | 'dataHeading'
  | 'data'
  | 'dataUnsent'
  | 'recipientsHeading'
  | 'recipient'
  | 'processor'
  | 'transferHeading'
  | 'dpf'
  | 'safeguards'
  | 'providerPolicy'
  | 'storageHeading'
  | 'storage'
  | 'storageUnconfirmed'
  | 'withdrawalHeading'
  | 'withdrawal'
  | 'rightsHeading'
  | 'rights'
  | 'withdrawTitle'
  | 'withdraw'
  | 'withdrawCopy'
  | 'withdrawAfter'
  | 'withdrawConfirmLabel'
  | 'identifierAccount'
  | 'ownProviderRole'
  | 'extra';

/** Provider facts as override keys (`providerName`, because `provider` is the sentence around it). */
export interface NoticeFactTexts {
  providerName: string;
  providerData: string;
  transfer: string;
  identifier: string;
}

export type NoticeChannelTexts = Partial<Record<NoticeTextKey, string> & NoticeFactTexts>;

/**
 * The notice dialog's own texts around the notice: buttons, the copy and QR steps, the fallback
 * withdraw dialog. `{channel}` is the channel's name, `{message}` the exact message to send.
 */
export interface DialogTexts {
  close: string;
  cancel: string;
  details: string;
  /** Label of the read-only field that holds the exact message. */
  yourMessage: string;
  /** Why the visitor must send the message themselves (channels that cannot prefill text). */
  sendThis: string;
  copy: string;
  copied: string;
  /** Clipboard refused: the message is selected instead. */
  copyManually: string;
  open: string;
  openHere: string;
  scan: string;
  qrLabel: string;
  qrLoading: string;
  /** Beside the QR code: the message the messenger (or SMS or e-mail app) opens with. */
  qrMessage: string;
  /**
   * Beside the QR code for a Telegram bot, instead of `qrMessage`: Telegram opens the bot's chat
   * with a START button, not with a message, and START sends the code itself.
   */
  qrStart: string;
  /** Beside the QR code: the reference code at the end of that message. */
  qrCode: string;
  withdrawTitle: string;
  withdrawText: string;
  withdrawConfirm: string;
  opensInNewTab: string;
}

/** The texts of provider facts (`ProviderFacts`) a locale translates. */
export type ProviderTextKey = 'provider' | 'seat' | 'providerData' | 'countries' | 'transfer' | 'identifier';

/**
 * One locale: one file under `notices/locales/`, registered by one line in `notices/locales.ts`
 * (docs/architecture.md#adding-a-locale). It carries everything the visitor reads after a tap: the
 * notice templates, the dialog's own texts and the messengers' provider facts.
 */
export interface NoticeTemplates {
  /** The locale tag, the same as the file name and the key in the loader map. */
  locale: string;
  /**
   * Bump whenever any text in this file changes; it becomes part of the notice id
   * ("whatsapp.de.v2"). The sha256 changes anyway, the version makes the change readable.
   */
  version: string;
  /** Every key but the channel-only ones (`identifierAccount`, `ownProviderRole`, `extra`: '' when unused). */
  texts: NoticeTexts;
  /** Texts that differ for one channel (SMS and e-mail: the app, the provider sentence, …). */
  channelTexts?: Partial<Record<ChannelType, NoticeChannelTexts>>;
  /** The notice dialog's own texts (buttons, copy and QR steps). */
  dialog: DialogTexts;
  /**
   * Provider facts in this locale, per channel. The channel files carry them in German and English
   * (`LocalizedText`); a locale added later translates them here, and what it leaves out is English.
   */
  providerTexts?: Partial<Record<ChannelType, Partial<Record<ProviderTextKey, string>>>>;
  /** The processor presets' role and transfer in this locale (as `providerTexts`: English where left out). */
  processorTexts?: Partial<Record<ProcessorPreset, { role?: string; transfer?: string }>>;
}
