import type { ChannelConfig } from '../channels/index.js';
import type { Processor } from '../notices/types.js';
import type { ConfigIssue } from '../errors.js';
import type { defaults, layouts, references } from './rules.js';

/** The options a site owner writes and the widget config keeps as written. */
interface WidgetConfigBase {
  /** Business name as the visitor will see it in the messenger. */
  company: string;
  /** 1 to 10 channel configs, in the order of the buttons. */
  channels: ChannelConfig[];
  /** URL of the privacy policy (http or https only). */
  privacyPolicy: string;
  /** Where consent events are sent (http(s) URL or a path such as /v1/events); none = DOM events only. */
  endpoint?: string | undefined;
  /** What the visitor subscribes to ("News", "Angebote"): title, keyword, consent sentence, checkbox. */
  purpose: string;
  /** How often, e.g. "etwa einmal pro Woche". */
  frequency?: string | undefined;
  /** Contact of the data protection officer. */
  dpo?: string | undefined;
  /** Version of the privacy policy ("1. März 2026"). */
  privacyPolicyVersion?: string | undefined;
  /** The business's own processors (Art. 28 GDPR), one line each in the notice's Details. */
  processors?: Processor[] | undefined;
  /** A page with the widget for unsubscribing, linked as "Abmelden" in the notice. */
  unsubscribeUrl?: string | undefined;
  /** Legal entity and contact of the controller (GDPR Art. 13), shown in the notice. */
  controller?: string | undefined;
  /** Language of the widget and notice ("de", "en"); default: the page's lang, then en. */
  lang?: string | undefined;
  /** Overrides of notice and UI texts by key. */
  texts?: Record<string, string> | undefined;
}

/**
 * The widget config (camelCase of the element's attributes, packages/widget/README.md#attributes) with the defaults
 * applied: what `checkWidgetConfig` and `parseWidgetConfig` return.
 */
export interface WidgetConfig extends WidgetConfigBase {
  /** Start keyword; the message is "{keyword} {company}" plus the reference code. Default "Start". */
  keyword: string;
  /** Keyword of the unsubscribe message. Default "Stop". */
  withdrawKeyword: string;
  /** inline: buttons where the element stands; floating: a launcher button in a corner. */
  layout: (typeof layouts)[number];
  /** Keep the confirm button disabled until the visitor ticks "I have read …". */
  requireCheckbox: boolean;
  /** code: append a reference code to the message (ties it to the consent record); none: no code. */
  reference: (typeof references)[number];
  /** Also send widget_shown events (off by default: nothing is sent before the visitor interacts). */
  impressions: boolean;
  /** true: the messages advertise the company's products and offers; a text names what; false: none. Default true. */
  advertising: boolean | string;
  /** Years the consent proof is kept after the end of the year of withdrawal. Default 3. */
  retentionYears: number;
  /** Days an unconfirmed flow is kept (the inbound match window). Default 30. */
  unconfirmedDays: number;
  /** Minimum age for signing up (Art. 8 GDPR). Default 16. */
  minAge: number;
  /** Characters of the reference code, 4 to 8. Default 6. */
  referenceLength: number;
}

/** What a site owner may write: defaults not yet applied. */
export type WidgetConfigInput = WidgetConfigBase & {
  [Key in keyof typeof defaults]?: WidgetConfig[Key] | undefined;
};

export type ParseResult = { ok: true; config: WidgetConfig } | { ok: false; issues: ConfigIssue[] };
