/**
 * UI strings of the element itself (the notice texts live in the SDK, the dialog's own strings in
 * optin-notice/). Small enough to ship both locales on the first-paint path. Site owners override
 * any of them through `texts` with the same key.
 */
import { matchLocale } from '@messenger-optin/sdk';
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

const de: UiStrings = {
  headline: 'Newsletter per Messenger',
  withdrawHeadline: 'Vom Messenger-Newsletter abmelden',
  unsubscribe: 'Abmelden',
  subscribe: 'Zurück zur Anmeldung',
  unsubscribeVia: 'abmelden',
  close: 'Schließen',
};

const en: UiStrings = {
  headline: 'Newsletter via messenger',
  withdrawHeadline: 'Unsubscribe from the messenger newsletter',
  unsubscribe: 'Unsubscribe',
  subscribe: 'Back to subscribing',
  unsubscribeVia: 'unsubscribe',
  close: 'Close',
};

/** The shipped UI locale for a language tag: `de-AT` → `de`, anything unknown → `en`. */
export function uiLocale(lang: string | undefined | null): 'de' | 'en' {
  return matchLocale(lang, ['de', 'en'], 'en');
}

/** The strings of a locale with the site owner's overrides (only string values are taken). */
export function uiStrings(locale: 'de' | 'en', overrides: Record<string, unknown> = {}): UiStrings {
  const strings = { ...(locale === 'de' ? de : en) };
  for (const key of Object.keys(strings) as Array<keyof UiStrings>) {
    const value = overrides[key];
    if (typeof value === 'string' && value.trim() !== '') strings[key] = value;
  }
  return strings;
}
