/**
 * The names a site owner writes: every option of the widget config, its attribute name and how many
 * channels a widget shows. The widget's first paint reads these, so they are apart from the
 * sentences (names-and-hints.ts, sentences.ts), which the widget loads only to report a problem
 * (docs/architecture.md#loading).
 */

/**
 * Every option of the widget config, in the order issues are reported. The element's attributes
 * are the kebab-case of these names (`privacyPolicy` → `privacy-policy`).
 */
export const configKeys = [
  'company',
  'channels',
  'privacyPolicy',
  'endpoint',
  'keyword',
  'withdrawKeyword',
  'purpose',
  'frequency',
  'dpo',
  'privacyPolicyVersion',
  'unsubscribeUrl',
  'processors',
  'advertising',
  'retentionYears',
  'unconfirmedDays',
  'minAge',
  'referenceLength',
  'controller',
  'lang',
  'layout',
  'requireCheckbox',
  'reference',
  'impressions',
  'texts',
] as const;

export type ConfigKey = (typeof configKeys)[number];

/** How many channels a widget shows. */
export const channelCount = { min: 1, max: 10 } as const;

/**
 * The attribute a config path belongs to: `channels[1].phone` → `channels`,
 * `privacyPolicy` → `privacy-policy`. Error messages name what the site owner wrote.
 */
export function attributeName(path: string): string {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? path;
  return head.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
