/**
 * UI strings of the notice dialog (the notice text itself comes rendered from the SDK). German is
 * the primary market; every other language falls back to English.
 */
import { matchLocale } from '@messenger-optin/sdk';
export interface NoticeStrings {
  close: string;
  cancel: string;
  details: string;
  /** Label of the read-only field that holds the exact message. */
  yourMessage: string;
  /** Why the visitor must send the message themselves (channels that cannot prefill text). */
  sendThis: (channel: string) => string;
  copy: string;
  copied: string;
  /** Clipboard refused: the message is selected instead. */
  copyManually: string;
  open: (channel: string) => string;
  openHere: string;
  scan: (channel: string) => string;
  qrLabel: (channel: string) => string;
  qrLoading: string;
  /** Beside the QR code: the message the messenger opens with. */
  qrMessage: string;
  /** Beside the QR code: the reference code at the end of that message. */
  qrCode: string;
  withdrawTitle: (channel: string) => string;
  withdrawText: (channel: string, message: string) => string;
  withdrawConfirm: (channel: string) => string;
  opensInNewTab: string;
}

const en: NoticeStrings = {
  close: 'Close',
  cancel: 'Cancel',
  details: 'Details',
  yourMessage: 'Your message',
  sendThis: (channel) => `Send this exact message in ${channel}. It may not be filled in for you.`,
  copy: 'Copy message',
  copied: 'Copied',
  copyManually: 'Message selected. Copy it with Ctrl+C or by long-pressing.',
  open: (channel) => `Open ${channel}`,
  openHere: 'Open on this device',
  scan: (channel) => `Scan with your phone to open ${channel}.`,
  qrLabel: (channel) => `QR code to open ${channel} on your phone`,
  qrLoading: 'Loading QR code…',
  qrMessage: 'Your messenger opens with this message; send it to sign up:',
  qrCode: 'Your code',
  withdrawTitle: (channel) => `Unsubscribe via ${channel}`,
  withdrawText: (channel, message) =>
    `To stop the messages, send “${message}” in ${channel}. We stop writing to you as soon as it arrives.`,
  withdrawConfirm: (channel) => `Stop via ${channel}`,
  opensInNewTab: '(opens in a new tab)',
};

const de: NoticeStrings = {
  close: 'Schließen',
  cancel: 'Abbrechen',
  details: 'Details',
  yourMessage: 'Ihre Nachricht',
  sendThis: (channel) =>
    `Senden Sie genau diese Nachricht in ${channel}. Sie wird dort eventuell nicht vorausgefüllt.`,
  copy: 'Nachricht kopieren',
  copied: 'Kopiert',
  copyManually: 'Nachricht markiert. Kopieren Sie sie mit Strg+C oder durch langes Drücken.',
  open: (channel) => `${channel} öffnen`,
  openHere: 'Auf diesem Gerät öffnen',
  scan: (channel) => `Mit dem Handy scannen, um ${channel} zu öffnen.`,
  qrLabel: (channel) => `QR-Code, um ${channel} auf Ihrem Handy zu öffnen`,
  qrLoading: 'QR-Code wird geladen…',
  qrMessage: 'Ihr Messenger öffnet sich mit dieser Nachricht; senden Sie sie, um sich anzumelden:',
  qrCode: 'Ihr Code',
  withdrawTitle: (channel) => `Abmelden über ${channel}`,
  withdrawText: (channel, message) =>
    `Um keine Nachrichten mehr zu erhalten, senden Sie „${message}“ in ${channel}. Sobald sie ankommt, schreiben wir Ihnen nicht mehr.`,
  withdrawConfirm: (channel) => `Über ${channel} abmelden`,
  opensInNewTab: '(öffnet in neuem Tab)',
};

/** Strings for a BCP 47 tag: 'de', 'de-AT' → German; anything else → English. */
export function noticeStrings(lang: string | undefined): NoticeStrings {
  return matchLocale(lang, ['de', 'en'], 'en') === 'de' ? de : en;
}
