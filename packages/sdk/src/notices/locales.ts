import { matchLocale } from '../locale-match.js';
import type { NoticeTemplates } from './types.js';

/**
 * One lazy loader per shipped locale, so a page downloads only the texts it shows
 * (docs/architecture.md#sizes: notice texts of other locales are lazy). Adding a locale: one file
 * under `locales/` and one line here (docs/architecture.md#adding-a-locale).
 */
const loaders = {
  de: () => import('./locales/de.js').then((module) => module.de),
  en: () => import('./locales/en.js').then((module) => module.en),
} satisfies Record<string, () => Promise<NoticeTemplates>>;

/** A locale whose notice texts ship with the SDK: 'de' | 'en'. */
export type NoticeLocale = keyof typeof loaders;

/**
 * A registry of locales: the list, the rule that picks one for a language tag, and the loader that
 * loads each file once. Built for the shipped locales below; a test joins a locale of its own.
 */
export function localeRegistry<Locale extends string>(
  load: Record<Locale, () => Promise<NoticeTemplates>>,
  fallback: NoInfer<Locale>,
) {
  const locales = Object.keys(load) as Locale[];
  const loaded: Partial<Record<Locale, Promise<NoticeTemplates>>> = {};
  const resolve = (lang: string | null | undefined): Locale => matchLocale(lang, locales, fallback);
  return {
    locales: locales as readonly Locale[],
    resolve,
    load(lang: string | null | undefined): Promise<NoticeTemplates> {
      const locale = resolve(lang);
      // Kept: awaiting a settled promise takes no task, a second `import()` does (on every tap).
      return (loaded[locale] ??= load[locale]().catch((error: unknown) => {
        delete loaded[locale];
        throw error;
      }));
    },
  };
}

const shipped = /* @__PURE__ */ localeRegistry(loaders, 'en');

/** The locale tags whose notice texts ship with the SDK. */
export const noticeLocales = shipped.locales;

/**
 * Maps a BCP 47 tag ("de-AT", "DE", "de_CH") to a shipped locale by its primary language;
 * anything not shipped, or empty, falls back to English.
 */
export const resolveNoticeLocale: (lang: string | null | undefined) => NoticeLocale = shipped.resolve;

/** Loads the notice templates of `lang` (resolved as by `resolveNoticeLocale`). */
export const loadNoticeLocale: (lang: string | null | undefined) => Promise<NoticeTemplates> = shipped.load;
