import { matchLocale } from '../locale-match.js';
import type { NoticeTemplates } from './types.js';

/**
 * One lazy loader per shipped locale, so a page downloads only the texts it shows (docs/architecture.md#sizes:
 *, "notice texts of other locales" are lazy). Adding a locale: one file under
 * `locales/` and one line here.
 */
const loaders = {
  de: () => import('./locales/de.js').then((module) => module.de),
  en: () => import('./locales/en.js').then((module) => module.en),
} satisfies Record<string, () => Promise<NoticeTemplates>>;

/** A locale whose notice texts ship with the SDK: 'de' | 'en'. */
export type NoticeLocale = keyof typeof loaders;

/** The locale tags whose notice texts ship with the SDK. */
export const noticeLocales = Object.keys(loaders) as readonly NoticeLocale[];

/** The locale used when the visitor's language is not shipped. */
export const fallbackNoticeLocale: NoticeLocale = 'en';

/**
 * Maps a BCP 47 tag ("de-AT", "DE", "de_CH") to a shipped locale by its primary language;
 * anything not shipped, or empty, falls back to English.
 */
export function resolveNoticeLocale(lang: string | null | undefined): NoticeLocale {
  return matchLocale(lang, noticeLocales, fallbackNoticeLocale);
}

const loaded: Partial<Record<NoticeLocale, Promise<NoticeTemplates>>> = {};

/** Loads the notice templates of `lang` (resolved as by `resolveNoticeLocale`). */
export function loadNoticeLocale(lang: string | null | undefined): Promise<NoticeTemplates> {
  const locale = resolveNoticeLocale(lang);
  // Kept: awaiting a settled promise takes no task, a second `import()` does (on every tap).
  return (loaded[locale] ??= loaders[locale]().catch((error: unknown) => {
    delete loaded[locale];
    throw error;
  }));
}
