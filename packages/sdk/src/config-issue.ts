// What a config problem is and how its sentence is written. Apart from `ConfigError` (errors.ts):
// the widget's first-paint pre-check writes these sentences too, and a module on that path ships
// whole in the first-paint bundle (docs/architecture.md#loading), so it holds only what the pre-check uses.

/** One problem in a site owner's config: where it is and what to do about it. */
export interface ConfigIssue {
  /** Path in the widget config, e.g. `channels[1].phone`; empty for the config as a whole. */
  path: string;
  /** A sentence that names the path and says what to do, e.g.
   * `channels[1].phone: "0170 123" has no country code; write it as +49 170 123…`. */
  message: string;
}

/** Prefixes a problem with its path, the one message format of every issue. */
export function issueAt(path: string, problem: string): ConfigIssue {
  return { path, message: path ? `${path}: ${problem}` : problem };
}

/** Shows a site owner's value in a message: quoted, and cut so that a pasted novel stays readable. */
export function quote(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
