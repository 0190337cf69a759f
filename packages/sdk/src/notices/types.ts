import type { ChannelType } from '../channels/types.js';

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
  /** Site-owner overrides of template texts, by key (see the locale files). */
  overrides?: Record<string, string>;
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
