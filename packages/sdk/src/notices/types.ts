import type { ChannelType, PrefillKind } from '../channels/types.js';

/** One paragraph of a notice; `link` renders as an anchor after the text. */
export interface NoticeBlock {
  heading?: string;
  text: string;
  link?: { label: string; href: string };
}

/** What the notice needs to know; everything a site owner configures. */
export interface NoticeInput {
  channel: ChannelType;
  /** BCP 47 primary tag, 'de' or 'en' shipped; unknown locales fall back to 'en'. */
  locale: string;
  company: string;
  purpose?: string;
  controller?: string;
  privacyPolicy: string;
  /** The exact start message, e.g. "Start News Firma K7Q2". */
  message: string;
  /** The exact withdraw message, e.g. "Stop News Firma". */
  withdrawMessage: string;
  /**
   * Site-owner overrides of template texts, by key (see `NoticeTexts`); `<channel>.<key>` applies
   * to one channel only and wins over `<key>`. Placeholders such as `{company}` are filled in.
   */
  overrides?: Record<string, string>;
  /**
   * How the message reaches the chat (`DeepLink.prefill`). Telegram differs between bots (payload)
   * and people (text), so pass what `deepLink` returned; default: the channel's `ChannelMeta.prefill`.
   */
  prefill?: PrefillKind;
}

/**
 * A notice after its template was filled in. `text` is the exact plain text that was shown; its
 * sha256 (hex) versions it, and it is archived by the receiver (spec: notices.md, Versioning).
 */
export interface RenderedNotice {
  /** channel + locale + template version, e.g. "whatsapp.de.v1" */
  id: string;
  locale: string;
  /** Template version, e.g. "1". */
  version: string;
  sha256: string;
  /** Heading of the dialog, e.g. "News von Firma über WhatsApp". */
  title: string;
  /** Visible without scrolling on a phone. */
  firstLayer: NoticeBlock[];
  /** Behind "Details". */
  secondLayer: NoticeBlock[];
  /** Label of the optional required checkbox. */
  checkboxLabel: string;
  /** Confirm button, contains the channel name: "WhatsApp öffnen" / "Open WhatsApp". */
  confirmLabel: string;
  /** Exactly what was shown, as plain text: title, then every block in order. */
  text: string;
}

/** The locales whose notice templates ship with the SDK (the keys of the loader map). */
export type { NoticeLocale } from './locales.js';

/**
 * Every text of a notice template. Placeholders in braces are filled in by `renderNotice`:
 * {company} {channel} {topic} {purpose} {controller} {message} {withdrawMessage} {provider}
 * {transfer} {identifier} {privacyPolicy} {via} {app} {contact} {dpf}.
 */
export interface NoticeTexts {
  /** Dialog heading with a purpose: "{purpose} von {company} über {channel}". */
  title: string;
  /** Dialog heading without a purpose. */
  titleNoPurpose: string;
  /** {topic} in running text when the site owner set no purpose ("Nachrichten" / "messages"). */
  topicDefault: string;
  /** How messages travel, in running text ("über WhatsApp", "per SMS"). */
  via: string;
  /** What opens, at the start of a sentence ("WhatsApp", "Ihre SMS-App"). */
  app: string;
  /** Who sends what, and that sending the message is the consent (Meta's opt-in rule). */
  who: string;
  /** What happens when the messenger can take the message prefilled. */
  whatHappens: string;
  /** What happens when the visitor must send the shown message themselves (payload, none). */
  whatHappensCopy: string;
  /** Who else processes data: the provider and transfers outside the EU/EEA. */
  provider: string;
  /**
   * The status of the EU-US Data Privacy Framework, the one place to change when it does. Shown in
   * the second layer under `dpfHeading` for every channel whose transfer text names the framework;
   * also available as {dpf}.
   */
  dpf: string;
  dpfHeading: string;
  /** How to stop. */
  stop: string;
  privacy: string;
  privacyLinkLabel: string;
  controllerHeading: string;
  /** Controller when the site owner configured one. */
  controller: string;
  /** Controller when not configured: points to the privacy policy. */
  controllerMissing: string;
  legalBasisHeading: string;
  legalBasis: string;
  dataHeading: string;
  /** {contact} in `data`: what identifies the visitor in this channel. */
  contact: string;
  data: string;
  storageHeading: string;
  storage: string;
  rightsHeading: string;
  rights: string;
  voluntaryHeading: string;
  voluntary: string;
  checkboxLabel: string;
  confirmLabel: string;
  /** The withdraw notice (`renderWithdrawNotice`). */
  withdrawTitle: string;
  withdraw: string;
  withdrawCopy: string;
  withdrawAfter: string;
  withdrawConfirmLabel: string;
}

export type NoticeTextKey = keyof NoticeTexts;

/** Provider facts as override keys (`providerName`, because `provider` is the sentence around it). */
export interface NoticeFactTexts {
  providerName: string;
  transfer: string;
  identifier: string;
}

export type NoticeChannelTexts = Partial<NoticeTexts & NoticeFactTexts>;

/** One locale's templates: one file under `notices/locales/`. */
export interface NoticeTemplates {
  /** The locale tag, the same as the file name and the key in the loader map. */
  locale: string;
  /**
   * Bump whenever any text in this file changes; it becomes part of the notice id
   * ("whatsapp.de.v2"). The sha256 changes anyway, the version makes the change readable.
   */
  version: string;
  texts: NoticeTexts;
  /**
   * Texts that differ for one channel (SMS and e-mail have no profile, no "app" of that name), and
   * the channel's provider facts phrased in this locale's grammar where it needs its own
   * (`identifier`, `providerName`, `transfer`; otherwise they come from the channel file).
   */
  channelTexts?: Partial<Record<ChannelType, NoticeChannelTexts>>;
}
