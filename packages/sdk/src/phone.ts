import { ConfigError, issueAt, quote } from './errors.js';
import type { FieldResult } from './errors.js';

/** Every phone problem ends with what to write instead. */
const withCode = 'write it with the country code, e.g. +49 170 1234567';

/**
 * Reads a phone number as site owners write it (spec: channels.md, rule 2) without throwing, so
 * that `deepLink` and the config schema report the very same sentence.
 */
export function parsePhone(input: string): FieldResult {
  const fail = (problem: string): FieldResult => ({ ok: false, problem });
  const text = String(input).trim();
  const shown = quote(input);
  if (!text) return fail(`the phone number is empty; ${withCode}`);
  if (/\p{L}/u.test(text)) return fail(`${shown} contains letters; ${withCode}`);
  const stray = /[^\d\s\-./()+]/u.exec(text);
  if (stray) return fail(`${shown} contains "${stray[0]}"; ${withCode}`);

  const international = /^(\+|00)/.test(text);
  // "+49 (0)170 …": the trunk 0 is dialled only inside the country, never after a country code.
  const withoutTrunk = international ? text.replace(/\(\s*0\s*\)/g, '') : text;
  const compact = withoutTrunk.replace(/[\s\-./()]/gu, '');
  if (compact.lastIndexOf('+') > 0) return fail(`${shown} has a "+" inside the number; ${withCode}`);

  if (/^0(?!0)/.test(compact))
    // The wording of the spec's own example (style.md): Germany's +49 as the likely fix, the
    // ellipsis saying "and the rest of your number, with your country code".
    return fail(`${shown} has no country code; write it as +49 ${text.replace(/^[\s(]*0[\s)]*/, '')}…`);
  // Digits without + or 00 are read as international, the form wa.me itself documents ("15551234567").
  const digits = compact.replace(/^(\+|00)/, '');

  if (digits.startsWith('0')) return fail(`${shown}: a country code never starts with 0; ${withCode}`);
  if (digits.length < 7) return fail(`${shown} is too short (${digits.length} digits); ${withCode}`);
  if (digits.length > 15)
    return fail(`${shown} is too long (${digits.length} digits, at most 15); check for extra digits`);
  return { ok: true, value: `+${digits}` };
}

export function normalizePhone(input: string, path = ''): string {
  const result = parsePhone(input);
  if (!result.ok) throw new ConfigError([issueAt(path, result.problem)]);
  return result.value;
}
