/**
 * The widget config's limits, choices, defaults and hints: one source for the zod schema
 * (schema/widget-config.ts) and the zod-free `checkWidgetConfig`, so the two cannot drift apart.
 */
import { emptyCompany } from './names-and-hints.js';

/** Most characters (Unicode code points) per text option. */
export const maxLength = {
  company: 100,
  keyword: 50,
  withdrawKeyword: 50,
  /** In the title, the keyword, the bot payload and several sentences: short by nature. */
  purpose: 60,
  frequency: 60,
  /** `privacyPolicyVersion`, `dpo`: short texts shown in the notice. */
  version: 40,
  dpo: 200,
  advertising: 100,
  /** A page the notice links; shorter than the policy link, so that a notice stays archivable. */
  unsubscribeUrl: 500,
  /** Per processor (and the SMS/e-mail provider): name, role, transfer; and how many processors. */
  processorName: 80,
  processorRole: 100,
  processorTransfer: 200,
  processors: 5,
  controller: 500,
  label: 60,
  text: 5000,
  /** A URL the notice shows in full (an archived notice must stay under the event's cap). */
  privacyPolicy: 2000,
} as const;

export const layouts = ['inline', 'floating'] as const;
export const references = ['code', 'none'] as const;

export const defaults = {
  keyword: 'Start {purpose}',
  withdrawKeyword: 'Stop {purpose}',
  layout: 'inline',
  requireCheckbox: false,
  reference: 'code',
  impressions: false,
  advertising: true,
  retentionYears: 3,
  unconfirmedDays: 30,
  minAge: 16,
  referenceLength: 6,
} as const;

/** Whole-number options: [min, max] (docs/notices.md, "Retention"; docs/channels.md#reference-code: 4–8 characters). */
export const numberRanges = {
  retentionYears: [1, 30],
  unconfirmedDays: [1, 365],
  minAge: [13, 18],
  referenceLength: [4, 8],
} as const;

/** A BCP 47 language tag, loosely: `de`, `en-GB`, `zh-Hant-TW`. */
export const languageTag = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export { requiredHints } from './names-and-hints.js';
export { channelCount } from './option-names.js';

export const problems = {
  emptyCompany,
  emptyText: 'is empty; write some text or leave the option out',
  notALanguageTag: 'is not a language tag; write e.g. "de" or "en"',
} as const;
