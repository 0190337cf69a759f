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
 * A parser for account names and IDs: trims, drops a leading `@` where people habitually write one
 * (`@firma_bot`), then checks the pattern. `rule` completes "… is not a valid …; <rule>".
 */
export function nameField(what: string, pattern: RegExp, rule: string, stripAt = true): FieldParser {
  return (input) => {
    const trimmed = input.trim();
    const value = stripAt ? trimmed.replace(/^@/, '') : trimmed;
    return pattern.test(value)
      ? { ok: true, value }
      : { ok: false, problem: `${quote(input)} is not a valid ${what}; ${rule}` };
  };
}
