/**
 * What to tell a site owner when an option is missing or of the wrong kind: said by the SDK's
 * checks and by the widget's first-paint pre-check alike, so both say the same sentences
 * (docs/architecture.md#config-rules). The widget loads these only to report a problem; the option
 * names its first paint reads are in option-names.ts. The rest of the sentences are in sentences.ts.
 */
import type { ConfigIssue } from '../config-issue.js';
import { issueAt, quote } from '../config-issue.js';
import { attributeName } from './option-names.js';

/** What to write for a required option that is missing, after "is required; ". */
export const requiredHints = {
  company: 'write the business name, e.g. "Firma GmbH"',
  channels: 'list the channels, e.g. [{ "type": "whatsapp", "phone": "+49 170 1234567" }]',
  privacyPolicy: 'link your privacy policy, e.g. https://example.com/privacy',
  purpose: 'write what the visitor subscribes to, e.g. "News" or "Angebote"; the consent covers exactly that',
} as const;

/** A company name of only spaces (the other options' sentences are in rules.ts). */
export const emptyCompany = 'is empty; write the business name, e.g. "Firma GmbH"';

/**
 * Config issues as the widget logs them, one line each, naming the attribute the site owner wrote:
 * `attribute "privacy-policy": privacyPolicy: is required; link your privacy policy, …`.
 */
export function configProblems(issues: readonly ConfigIssue[]): string {
  return issues
    .map(({ path, message }) => `attribute "${attributeName(path || 'config')}": ${message}`)
    .join('\n');
}

/** One problem at `path`, as `configProblems` writes it. */
export function configProblem(path: string, problem: string): string {
  return configProblems([issueAt(path, problem)]);
}

/** `quote` for any value a config may hold: an object without a prototype has no `toString`. */
export function quoteAny(value: unknown): string {
  try {
    return quote(value);
  } catch {
    return quote(Object.prototype.toString.call(value));
  }
}

/** A value's kind as a site owner would call it, for "must be …, not …" messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const expectedNames: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  number: 'a number',
};

/** A value of the wrong type; `expected` is zod's name of the type (`string`, `array`, …). */
export function wrongType(expected: string, input: unknown): string {
  if (input === undefined) return 'is required';
  return `must be ${expectedNames[expected] ?? expected}, not ${kindOf(input)}`;
}

/** What zod measured: a list, a text, or something else with a `length`. */
export type LengthOrigin = 'array' | 'string' | 'unknown';

export function tooShort(minimum: number, origin: LengthOrigin): string {
  return origin === 'array'
    ? `needs at least ${minimum} entr${minimum === 1 ? 'y' : 'ies'}`
    : `is too short (at least ${minimum} characters)`;
}

/** A channel whose `type` is missing or not one of `types` (the registry's). */
export function unknownChannel(type: unknown, types: readonly string[]): string {
  const choices = types.join(', ');
  return type === undefined
    ? `is required; use one of ${choices}`
    : `${quoteAny(type)} is not a known channel; use one of ${choices}`;
}
