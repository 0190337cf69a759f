/**
 * UI strings of the element itself, on the first-paint path (the notice and the dialog's texts load
 * with the SDK's locale file on a tap). Small enough to ship every locale in the entry. A locale
 * the SDK registers must be added here too: the table is typed by the SDK's `NoticeLocale`, so the
 * compiler names the missing entry (docs/architecture.md#adding-a-locale). Site owners override any
 * of them through `texts` with the same key.
 */
import { matchLocale } from '@messenger-optin/sdk';
import type { NoticeLocale } from '@messenger-optin/sdk';

export interface UiStrings {
  /** Headline above the channel buttons, also the floating launcher's label (visible on desktop). */
  headline: string;
  /** Headline while the list is in unsubscribe mode. */
  withdrawHeadline: string;
  /** The toggle that switches the buttons to unsubscribe. */
  unsubscribe: string;
  /** The same toggle in unsubscribe mode: it switches back. */
  subscribe: string;
  /** Hint on a channel button in unsubscribe mode, after the channel name. */
  unsubscribeVia: string;
  /** The floating panel's close button. */
  close: string;
}

const tables = {
  de: {
    headline: 'Newsletter per Messenger',
    withdrawHeadline: 'Vom Messenger-Newsletter abmelden',
    unsubscribe: 'Abmelden',
    subscribe: 'Zurück zur Anmeldung',
    unsubscribeVia: 'abmelden',
    close: 'Schließen',
  },
  en: {
    headline: 'Newsletter via messenger',
    withdrawHeadline: 'Unsubscribe from the messenger newsletter',
    unsubscribe: 'Unsubscribe',
    subscribe: 'Back to subscribing',
    unsubscribeVia: 'unsubscribe',
    close: 'Close',
  },
} satisfies Record<NoticeLocale, UiStrings>;

const locales = Object.keys(tables) as NoticeLocale[];

/** The shipped UI locale for a language tag: `de-AT` → `de`, anything unknown → `en`. */
export function uiLocale(lang: string | undefined | null): NoticeLocale {
  return matchLocale(lang, locales, 'en');
}

/** The strings of a locale with the site owner's overrides (only string values are taken). */
export function uiStrings(locale: NoticeLocale, overrides: Record<string, unknown> = {}): UiStrings {
  const strings: UiStrings = { ...tables[locale] };
  for (const key of Object.keys(strings) as Array<keyof UiStrings>) {
    const value = overrides[key];
    if (typeof value === 'string' && value.trim() !== '') strings[key] = value;
  }
  return strings;
}
