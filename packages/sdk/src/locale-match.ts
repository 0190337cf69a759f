/**
 * The one rule that picks a shipped locale for a language tag, for the notice texts, the widget's
 * own strings and the receiver's replies alike: by the tag's primary language, case and `_`
 * forgiven ("de-AT", "DE", "de_CH" → "de"), else the fallback.
 */
export function matchLocale<Locale extends string>(
  tag: string | null | undefined,
  locales: readonly Locale[],
  fallback: Locale,
): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return locales.find((locale) => locale === language) ?? fallback;
}
