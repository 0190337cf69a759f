import type { ChannelConfig } from '../channels/index.js';
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
  /** What the visitor subscribes to ("News", "Angebote"), shown in the notice. */
  purpose?: string | undefined;
  /** Legal entity and contact of the controller (GDPR Art. 13), shown in the notice. */
  controller?: string | undefined;
  /** Language of the widget and notice ("de", "en"); default: the page's lang, then en. */
  lang?: string | undefined;
  /** Overrides of notice and UI texts by key. */
  texts?: Record<string, string> | undefined;
}

/**
 * The widget config (camelCase of the element's attributes, spec: product.md) with the defaults
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
}

/** What a site owner may write: defaults not yet applied. */
export type WidgetConfigInput = WidgetConfigBase & {
  [Key in keyof typeof defaults]?: WidgetConfig[Key] | undefined;
};

export type ParseResult = { ok: true; config: WidgetConfig } | { ok: false; issues: ConfigIssue[] };
