/** One problem in a site owner's config: where it is and what to do about it. */
export interface ConfigIssue {
  /** Path in the widget config, e.g. `channels[1].phone`; empty for the config as a whole. */
  path: string;
  /** A sentence that names the path and says what to do, e.g.
   * `channels[1].phone: "0170 123" has no country code; write it as +49 170 123…`. */
  message: string;
}

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

/** Prefixes a problem with its path, the one message format of every issue. */
export function issueAt(path: string, problem: string): ConfigIssue {
  return { path, message: path ? `${path}: ${problem}` : problem };
}

/** Shows a site owner's value in a message: quoted, and cut so that a pasted novel stays readable. */
export function quote(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
