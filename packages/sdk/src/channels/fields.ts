import { ConfigError, issueAt, quote } from '../errors.js';
import type { FieldResult } from '../errors.js';
import type { FieldParser } from './types.js';

/** Reads `config[key]` with its parser; throws the parser's sentence under the field's name. */
export function readField(config: object, key: string, parse: FieldParser): string {
  const value: unknown = (config as Record<string, unknown>)[key];
  const result: FieldResult =
    typeof value === 'string'
      ? parse(value)
      : { ok: false, problem: value === undefined ? 'is required' : `must be text, not ${quote(value)}` };
  if (!result.ok) throw new ConfigError([issueAt(key, result.problem)]);
  return result.value;
}

/**
 * A parser for a field that must match `pattern` after `normalize`; what is wrong follows the quoted
 * input ("… is not a Threema ID; use …").
 */
export function patternField(
  pattern: RegExp,
  problem: string,
  normalize: (input: string) => string,
): FieldParser {
  return (input) => {
    const value = normalize(input);
    return pattern.test(value) ? { ok: true, value } : { ok: false, problem: `${quote(input)} ${problem}` };
  };
}

/**
 * A parser for account names and IDs: trims, drops a leading `@` where people habitually write one
 * (`@firma_bot`), then checks the pattern. `rule` completes "… is not a valid …; <rule>".
 */
export const nameField = (what: string, pattern: RegExp, rule: string): FieldParser =>
  patternField(pattern, `is not a valid ${what}; ${rule}`, (input) => input.trim().replace(/^@/, ''));
