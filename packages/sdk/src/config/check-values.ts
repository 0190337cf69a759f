/**
 * Checks of single config values, written to match what the zod schema reports for the same value,
 * issue for issue (check-widget-config.property.test.ts holds the two side by side).
 */
import type { LengthOrigin } from './sentences.js';
import { notAllowed, tooLong, tooShort, unknownOptions, wrongType } from './sentences.js';

/** Problems found so far, each at its path. */
export type Found = Array<{ path: PropertyKey[]; message: string }>;

export function isObject(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object literal (or `Object.create(null)`), not a class instance: what a record must be. */
export function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const ctor: unknown = value['constructor'];
  if (typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
}

/**
 * Length limits, in Unicode code points for text. They apply to anything with a `length`, as zod's
 * length checks do: a list given for a text is both "must be text" and, if long, "too long".
 */
export function lengthProblems(value: unknown, min: number | undefined, max: number | undefined): string[] {
  if (value === null || value === undefined) return [];
  const units = (value as { length?: unknown }).length;
  if (units === undefined) return [];
  const length = (typeof value === 'string' ? [...value].length : units) as number;
  const origin: LengthOrigin = Array.isArray(value)
    ? 'array'
    : typeof value === 'string'
      ? 'string'
      : 'unknown';
  const problems: string[] = [];
  if (min !== undefined && !(length >= min)) problems.push(tooShort(min, origin));
  if (max !== undefined && !(length <= max)) problems.push(tooLong(max, origin));
  return problems;
}

export interface TextRule {
  min?: number;
  max?: number;
  /** What to write when the value is missing, after "is required; " (or as the third argument). */
  hint?: string;
  /** A check of the text's content, after its length: a problem or undefined. */
  check?: (text: string) => string | undefined;
}

/** A text option's problems, in zod's order: type, length, content. */
export function textProblems(value: unknown, rule: TextRule, hint = rule.hint): string[] {
  const problems: string[] = [];
  if (typeof value !== 'string')
    problems.push(value === undefined && hint ? `is required; ${hint}` : wrongType('string', value));
  problems.push(...lengthProblems(value, rule.min, rule.max));
  if (typeof value === 'string' && rule.check) {
    const problem = rule.check(value);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}

export function booleanProblems(value: unknown): string[] {
  return typeof value === 'boolean' ? [] : [wrongType('boolean', value)];
}

export function choiceProblems(value: unknown, choices: readonly unknown[]): string[] {
  return choices.includes(value) ? [] : [notAllowed(value, choices)];
}

/** Adds each problem at `path`. */
export function report(found: Found, path: PropertyKey[], problems: readonly string[]): void {
  for (const message of problems) found.push({ path, message });
}

/** Reports the keys of `value` that `known` does not have, as one issue at `path`. */
export function reportUnknown(found: Found, path: PropertyKey[], value: object, known: object): void {
  const unknown: string[] = [];
  for (const key in value) if (!Object.hasOwn(known, key)) unknown.push(key);
  if (unknown.length) report(found, path, [unknownOptions(unknown)]);
}
