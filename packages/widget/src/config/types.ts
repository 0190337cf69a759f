import type { ChannelType, ConfigKey } from '@messenger-optin/sdk';

/**
 * The config as the page wrote it, before any check: attribute strings, property values or the
 * `<script type="application/json">` child, merged. Keys are the camelCased attribute names, the
 * same as `WidgetConfig` of `@messenger-optin/sdk`.
 */
export type RawConfig = Partial<Record<ConfigKey, unknown>>;

// The option names are the SDK's, one list for its checks and the element's attributes.
export { configKeys } from '@messenger-optin/sdk';
export type { ConfigKey } from '@messenger-optin/sdk';

/** One channel after the structural pre-check: the type is known, the rest is checked by `checkWidgetConfig`. */
export interface CheckedChannel {
  type: ChannelType;
  [field: string]: unknown;
}

/**
 * What the first paint needs, after the structural pre-check (config/pre-check.ts). The full
 * validation (`checkWidgetConfig`) confirms or rejects it before any button acts.
 */
export interface PreCheckedConfig {
  company: string;
  channels: CheckedChannel[];
  privacyPolicy: string;
  layout: string;
  texts: Record<string, string>;
  /** The merged raw config, handed to the full validation as it is. */
  raw: Record<string, unknown>;
}

/** A config problem, in the shape of the `optin-error` event's detail. */
export interface ConfigProblem {
  code: 'invalid-json' | 'missing-attribute' | 'unknown-channel' | 'invalid-url' | 'invalid-config';
  message: string;
  path?: string;
}

/**
 * Why the pre-check refused a config, as data: the sentence for the site owner is written from it
 * only when the problem is reported (config/pre-check-sentences.ts, loaded with the flow chunk), so
 * that the first paint does not carry the text of every mistake (docs/architecture.md#loading).
 */
export type PreCheckReason =
  | { kind: 'required'; key: 'company' | 'channels' | 'privacyPolicy' }
  /** A company name of only spaces. */
  | { kind: 'empty' }
  | { kind: 'type'; expected: 'string' | 'array'; value: unknown }
  | { kind: 'json'; error: string }
  /** An empty channel list. */
  | { kind: 'no-channel' }
  | { kind: 'channel'; type: unknown; known: readonly string[] }
  | { kind: 'url'; key: 'privacyPolicy' | 'endpoint'; text: string };

/** A problem the pre-check found: like a `ConfigProblem`, with its reason instead of the sentence. */
export interface PreCheckProblem {
  code: ConfigProblem['code'];
  path: string;
  reason: PreCheckReason;
}

export type PreCheckResult = { ok: true; config: PreCheckedConfig } | { ok: false; problem: PreCheckProblem };
