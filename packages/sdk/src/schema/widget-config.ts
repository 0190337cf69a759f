import * as z from 'zod/mini';
import { linkProblems } from '../config/link-problems.js';
import { noticeTextsProblem } from '../config/notice-size.js';
import {
  channelCount,
  defaults,
  languageTag,
  layouts,
  maxLength,
  numberRanges,
  problems,
  references,
  requiredHints,
} from '../config/rules.js';
import type { Found } from '../config/check-values.js';
import { advertisingProblems, processorsProblems, wholeNumberProblems } from '../config/notice-options.js';
import type { ParseResult, WidgetConfig, WidgetConfigInput } from '../config/types.js';
import type { ConfigKey } from '../config/option-names.js';
import type { Processor } from '../notices/types.js';
import { endpointProblem, privacyPolicyProblem } from '../config/url-problems.js';
import { channelConfigSchema } from './channels.js';
import { explainIssue, formatIssues } from './issues.js';

export type { ParseResult, WidgetConfig, WidgetConfigInput };

/** A required option's message when it is missing: what to write. */
const required = (hint: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `is required; ${hint}` : undefined;

/** Text that must say something: not empty, not only spaces. */
const text = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((value) => value.trim() !== '', problems.emptyText),
  );

/** A string checked by a zod-free function that returns the problem, shared with `checkWidgetConfig`. */
const checkedBy = (problemOf: (value: string) => string | undefined) =>
  z.check<string>((ctx) => {
    const problem = problemOf(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

const privacyPolicy = z
  .string({ error: required(requiredHints.privacyPolicy) })
  .check(z.maxLength(maxLength.privacyPolicy), checkedBy(privacyPolicyProblem));

const endpoint = z.string().check(checkedBy(endpointProblem));

/** A value checked by a zod-free function that returns problems at paths, shared with `checkWidgetConfig`. */
const foundBy = (problemsOf: (value: unknown) => Found) =>
  z.check<unknown>((ctx) => {
    for (const { path, message } of problemsOf(ctx.value))
      ctx.issues.push({ code: 'custom', message, path: path as (string | number)[], input: ctx.value });
  });

/** A whole-number option with its default and range (rules.ts). */
const wholeNumber = (key: keyof typeof numberRanges, description: string) =>
  z._default(
    z.custom<number>().check(
      foundBy((value) =>
        wholeNumberProblems(value, numberRanges[key][0], numberRanges[key][1]).map((message) => ({
          path: [],
          message,
        })),
      ),
      z.describe(description),
    ),
    defaults[key],
  );

// The descriptions are the one-line docs of each option; they also land in the JSON Schema file,
// where editors show them.
const widgetConfigShape = z.strictObject({
  company: z.string({ error: required(requiredHints.company) }).check(
    z.maxLength(maxLength.company),
    z.refine((value) => value.trim() !== '', problems.emptyCompany),
    z.describe('Business name as the visitor will see it in the messenger.'),
  ),
  channels: z
    .array(channelConfigSchema, {
      error: required(requiredHints.channels),
    })
    .check(
      z.minLength(channelCount.min),
      z.maxLength(channelCount.max),
      z.describe('1 to 10 channel configs, in the order of the buttons.'),
    ),
  privacyPolicy: privacyPolicy.check(z.describe('URL of the privacy policy (http or https only).')),
  endpoint: z.optional(
    endpoint.check(
      z.describe(
        'Where consent events are sent (http(s) URL or a path such as /v1/events); none = DOM events only.',
      ),
    ),
  ),
  keyword: z
    ._default(text(maxLength.keyword), defaults.keyword)
    .check(z.describe('Start keyword; the message is "{keyword} {company}" plus the reference code.')),
  withdrawKeyword: z
    ._default(text(maxLength.withdrawKeyword), defaults.withdrawKeyword)
    .check(z.describe('Keyword of the unsubscribe message.')),
  purpose: z.string({ error: required(requiredHints.purpose) }).check(
    z.maxLength(maxLength.purpose),
    z.refine((value) => value.trim() !== '', problems.emptyText),
    z.describe('What the visitor subscribes to ("News", "Angebote"): title, consent sentence, checkbox.'),
  ),
  frequency: z.optional(
    text(maxLength.frequency).check(z.describe('How often, e.g. "etwa einmal pro Woche".')),
  ),
  dpo: z.optional(text(maxLength.dpo).check(z.describe('Contact of the data protection officer.'))),
  privacyPolicyVersion: z.optional(
    text(maxLength.version).check(z.describe('Version of the privacy policy, e.g. "1. März 2026".')),
  ),
  unsubscribeUrl: z.optional(
    z
      .string()
      .check(
        z.maxLength(maxLength.unsubscribeUrl),
        checkedBy(privacyPolicyProblem),
        z.describe('A page with the widget for unsubscribing, linked as "Abmelden" in the notice.'),
      ),
  ),
  processors: z.optional(
    z
      .custom<Processor[]>()
      .check(
        foundBy(processorsProblems),
        z.describe(
          'The business\'s processors: [{ "preset": "whatsapp-cloud-api" }, { "name", "role", "country", "transfer" }].',
        ),
      ),
  ),
  advertising: z._default(
    z.custom<boolean | string>().check(
      foundBy((value) => advertisingProblems(value).map((message) => ({ path: [], message }))),
      z.describe(
        'true: the messages advertise your products and offers; a text names what; false: no advertising.',
      ),
    ),
    defaults.advertising,
  ),
  retentionYears: wholeNumber(
    'retentionYears',
    'Years the consent proof is kept after the year of withdrawal.',
  ),
  unconfirmedDays: wholeNumber(
    'unconfirmedDays',
    'Days an unconfirmed flow is kept (the inbound match window).',
  ),
  minAge: wholeNumber('minAge', 'Minimum age for signing up (Art. 8 GDPR).'),
  referenceLength: wholeNumber('referenceLength', 'Characters of the reference code (4 to 8).'),
  controller: z.optional(
    text(maxLength.controller).check(
      z.describe('Legal entity and contact of the controller (GDPR Art. 13), shown in the notice.'),
    ),
  ),
  lang: z.optional(
    z
      .string()
      .check(
        z.regex(languageTag, problems.notALanguageTag),
        z.describe('Language of the widget and notice ("de", "en"); default: the page\'s lang, then en.'),
      ),
  ),
  layout: z
    ._default(z.enum(layouts), defaults.layout)
    .check(z.describe('inline: buttons where the element stands; floating: a launcher button in a corner.')),
  requireCheckbox: z
    ._default(z.boolean(), defaults.requireCheckbox)
    .check(z.describe('Keep the confirm button disabled until the visitor ticks "I have read …".')),
  reference: z
    ._default(z.enum(references), defaults.reference)
    .check(
      z.describe(
        'code: append a reference code to the message (ties it to the consent record); none: no code.',
      ),
    ),
  impressions: z
    ._default(z.boolean(), defaults.impressions)
    .check(
      z.describe(
        'Also send widget_shown events (off by default: nothing is sent before the visitor interacts).',
      ),
    ),
  texts: z.optional(
    z.record(z.string(), z.string().check(z.maxLength(maxLength.text))).check(
      z.check(
        (ctx) => {
          const problem = noticeTextsProblem(ctx.value);
          if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
        },
        // As checkWidgetConfig: only texts whose every value is fine.
        { when: (payload) => payload.issues.length === 0 },
      ),
      z.describe('Overrides of notice and UI texts by key.'),
    ),
  ),
});

/** The widget config (camelCase of the element's attributes, packages/widget/README.md#attributes). */
export const widgetConfigSchema = widgetConfigShape.check(
  z.check(
    (ctx) => {
      for (const { index, problem } of linkProblems(ctx.value))
        ctx.issues.push({ code: 'custom', message: problem, path: ['channels', index], input: ctx.value });
    },
    // Links are built only from a config whose every field is valid; zod would also run this check
    // after issues that do not stop parsing (a too long company, an unknown option).
    { when: (payload) => payload.issues.length === 0 },
  ),
);

// The plain types (config/types.ts) serve code without zod; the compiler holds them to the schema.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type SchemaMatchesTypes = [
  Holds<Same<z.output<typeof widgetConfigSchema>, WidgetConfig>>,
  Holds<Same<z.input<typeof widgetConfigSchema>, WidgetConfigInput>>,
  // `configKeys` names every option (the widget's attributes and properties), no more.
  Holds<Same<keyof WidgetConfig, ConfigKey>>,
];

/**
 * Validates a widget config and applies the defaults. Never throws: bad input gives issues whose
 * messages name the path and say what to do (`channels[1].phone: "0170 123" has no country code; …`).
 */
export function parseWidgetConfig(input: unknown): ParseResult {
  const result = z.safeParse(widgetConfigSchema, input, { error: explainIssue, reportInput: true });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, issues: formatIssues(result.error.issues) };
}
