import { ConfigError, issueAt, quote } from './errors.js';
import type { FieldResult } from './errors.js';

/** Every phone problem ends with what to write instead. */
const withCode = 'write it with + and the country code, e.g. +49 170 1234567';

/**
 * Reads a phone number as site owners write it (docs/channels.md#rules-for-every-channel, rule 2) without throwing, so
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

  // "+49 (0)170 …", also "(+49) (0)170 …": a bracketed 0 is the trunk digit, dialled only inside the country.
  const written = text.replace(/\(\s*0\s*\)/g, '');
  const number = written.replace(/[\s\-./()]/gu, '');
  if (number.lastIndexOf('+') > 0) return fail(`${shown} has a "+" inside the number; ${withCode}`);
  const digits = number.replace(/^(\+|00)/, '');
  // Digits alone are not read as international (as wa.me would): "170 1234567" with the 0 left off
  // would silently become a number in the USA (+1 701).
  if (digits === number)
    return fail(
      `${shown} has no country code; ${
        number[0] === '0'
          ? // The wording of the example in docs/architecture.md#rules-every-part-keeps: Germany's +49 as the likely fix, the
            // ellipsis saying "and the rest of your number, with your country code".
            `write it as +49 ${text.replace(/^[\s(]*0[\s)]*/, '')}…`
          : withCode
      }`,
    );

  if (digits.startsWith('0')) return fail(`${shown}: a country code never starts with 0; ${withCode}`);
  if (digits.length < 7) return fail(`${shown} is too short (${digits.length} digits); ${withCode}`);
  // "+49 0170 …" dials a number that does not exist. Only where no national number starts with 0
  // (Germany, Austria, Switzerland); Italy keeps it ("+39 06 …").
  if (/^4[139]0/.test(digits)) {
    // As "+49 …": then the first 0 is the one to drop, as no such country code has a 0.
    const fixed = (number[0] === '+' ? written : written.replace('00', '+')).replace(/0\s*/, '');
    return fail(`${shown}: drop the 0 after +${digits.slice(0, 2)}: ${fixed}`);
  }
  if (digits.length > 15)
    return fail(`${shown} is too long (${digits.length} digits, at most 15); check for extra digits`);
  return { ok: true, value: `+${digits}` };
}

export function normalizePhone(input: string, path = ''): string {
  const result = parsePhone(input);
  if (!result.ok) throw new ConfigError([issueAt(path, result.problem)]);
  return result.value;
}
