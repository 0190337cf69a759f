import type { ConfigIssue } from './config-issue.js';

export { issueAt, quote, type ConfigIssue } from './config-issue.js';

/**
 * Thrown for a config or message the SDK cannot turn into a working link. The message is meant for
 * the site owner's console as it is; `issues` lets a UI point at each field.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(issues.map((issue) => issue.message).join('\n'));
    this.issues = issues;
  }
}

/** A config value read without throwing: the normalized value, or what is wrong with it. One
 * parser per field serves both `deepLink` and the zod schema, so both say the same sentence. */
export type FieldResult = { ok: true; value: string } | { ok: false; problem: string };
