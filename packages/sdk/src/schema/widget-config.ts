import * as z from 'zod/mini';
import { deepLink } from '../deep-link.js';
import type { ConfigIssue } from '../errors.js';
import { ConfigError, quote } from '../errors.js';
import { composeMessage } from '../message.js';
import { channelConfigSchema } from './channels.js';
import { explainIssue, formatIssues } from './issues.js';

/** What is wrong with a URL that must be http(s), or undefined. `javascript:` and `data:` never pass. */
function httpUrlProblem(value: string, example: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${quote(value)} is not a full URL; write it with https://, e.g. ${example}`;
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') return undefined;
  return `${quote(value)} is a ${url.protocol} URL, but only http(s) links are allowed; write an https:// address, e.g. ${example}`;
}

/** A required option's message when it is missing: what to write. */
const required = (hint: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `is required; ${hint}` : undefined;

/** Text that must say something: not empty, not only spaces. */
const text = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((value) => value.trim() !== '', 'is empty; write some text or leave the option out'),
  );

const privacyPolicy = z
  .string({ error: required('link your privacy policy, e.g. https://example.com/privacy') })
  .check(
    z.check<string>((ctx) => {
      const problem = httpUrlProblem(ctx.value, 'https://example.com/privacy');
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    }),
  );

/** Same origin path (`/consent`) or an http(s) URL; `//host` is refused as it silently changes the host. */
const endpoint = z.string().check(
  z.check<string>((ctx) => {
    const value = ctx.value;
    const problem = value.startsWith('//')
      ? `${quote(value)} leaves out the scheme; write the full URL, e.g. https://consent.example.com/v1/events`
      : value.startsWith('/')
        ? undefined
        : httpUrlProblem(value, 'https://consent.example.com/v1/events, or a path such as /v1/events');
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  }),
);

// The descriptions are the one-line docs of each option; they also land in the JSON Schema file,
// where editors show them.
const widgetConfigShape = z.strictObject({
  company: z.string({ error: required('write the business name, e.g. "Firma GmbH"') }).check(
    z.maxLength(100),
    z.refine((value) => value.trim() !== '', 'is empty; write the business name, e.g. "Firma GmbH"'),
    z.describe('Business name as the visitor will see it in the messenger.'),
  ),
  channels: z
    .array(channelConfigSchema, {
      error: required('list the channels, e.g. [{ "type": "whatsapp", "phone": "+49 170 1234567" }]'),
    })
    .check(
      z.minLength(1),
      z.maxLength(10),
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
    ._default(text(50), 'Start')
    .check(z.describe('Start keyword; the message is "{keyword} {company}" plus the reference code.')),
  withdrawKeyword: z._default(text(50), 'Stop').check(z.describe('Keyword of the unsubscribe message.')),
  purpose: z.optional(
    text(200).check(z.describe('What the visitor subscribes to ("News", "Angebote"), shown in the notice.')),
  ),
  controller: z.optional(
    text(1000).check(
      z.describe('Legal entity and contact of the controller (GDPR Art. 13), shown in the notice.'),
    ),
  ),
  lang: z.optional(
    z
      .string()
      .check(
        z.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'is not a language tag; write e.g. "de" or "en"'),
        z.describe('Language of the widget and notice ("de", "en"); default: the page\'s lang, then en.'),
      ),
  ),
  layout: z
    ._default(z.enum(['inline', 'floating']), 'inline')
    .check(z.describe('inline: buttons where the element stands; floating: a launcher button in a corner.')),
  requireCheckbox: z
    ._default(z.boolean(), false)
    .check(z.describe('Keep the confirm button disabled until the visitor ticks "I have read …".')),
  reference: z
    ._default(z.enum(['code', 'none']), 'code')
    .check(
      z.describe(
        'code: append a reference code to the message (ties it to the consent record); none: no code.',
      ),
    ),
  impressions: z
    ._default(z.boolean(), false)
    .check(
      z.describe(
        'Also send widget_shown events (off by default: nothing is sent before the visitor interacts).',
      ),
    ),
  texts: z.optional(
    z
      .record(z.string(), z.string().check(z.maxLength(5000)))
      .check(z.describe('Overrides of notice and UI texts by key.')),
  ),
});

/**
 * Builds every link once with the longest message the widget will send (6-character reference
 * code), so that a company name that leaves no bot payload, or a link over 2,000 characters, is a
 * config error at load time and not a dead button. Runs only when every field is valid.
 */
function linkProblems(config: z.output<typeof widgetConfigShape>): Array<{ index: number; problem: string }> {
  const problems: Array<{ index: number; problem: string }> = [];
  const ref = config.reference === 'code' ? 'XXXXXX' : undefined;
  config.channels.forEach((channel, index) => {
    for (const keyword of [config.keyword, config.withdrawKeyword]) {
      try {
        deepLink(channel, composeMessage({ keyword, company: config.company, ref }));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        for (const issue of error.issues)
          problems.push({ index, problem: issue.message.replace(/^message: /, '') });
        break;
      }
    }
  });
  return problems;
}

/** The widget config (camelCase of the element's attributes, spec: product.md). */
export const widgetConfigSchema = widgetConfigShape.check(
  z.check((ctx) => {
    for (const { index, problem } of linkProblems(ctx.value))
      ctx.issues.push({
        code: 'custom',
        message: `with company ${quote(ctx.value.company)}: ${problem}`,
        path: ['channels', index],
        input: ctx.value,
      });
  }),
);

export type WidgetConfig = z.output<typeof widgetConfigSchema>;
/** What a site owner may write: defaults not yet applied. */
export type WidgetConfigInput = z.input<typeof widgetConfigSchema>;

export type ParseResult = { ok: true; config: WidgetConfig } | { ok: false; issues: ConfigIssue[] };

/**
 * Validates a widget config and applies the defaults. Never throws: bad input gives issues whose
 * messages name the path and say what to do (`channels[1].phone: "0170 123" has no country code; …`).
 */
export function parseWidgetConfig(input: unknown): ParseResult {
  const result = z.safeParse(widgetConfigSchema, input, { error: explainIssue, reportInput: true });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, issues: formatIssues(result.error.issues) };
}
