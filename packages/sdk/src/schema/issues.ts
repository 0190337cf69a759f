import type { core } from 'zod/mini';
import type { ConfigIssue } from '../errors.js';
import { quote } from '../errors.js';

/** `['channels', 1, 'phone']` → `channels[1].phone`: the path as a site owner writes it. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text ? `${text}.${name}` : name;
  }, '');
}

/** A value's kind as a site owner would call it, for "must be …, not …" messages. */
function kindOf(value: unknown): string {
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
  number: 'a number',
};

/**
 * Turns a zod issue into a sentence that says what to do. Used as the per-parse error map by
 * `parseWidgetConfig`; the schemas' own checks (phone numbers, URLs, …) bring their sentences.
 */
export function explainIssue(issue: core.$ZodRawIssue): string | undefined {
  const { input } = issue;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'is required';
      return `must be ${expectedNames[issue.expected] ?? issue.expected}, not ${kindOf(input)}`;
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => `"${key}"`).join(', ');
      return `unknown option${issue.keys.length > 1 ? 's' : ''} ${keys}; remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
    }
    case 'invalid_value':
      return `${quote(input)} is not allowed; use ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum as number} entr${issue.minimum === 1 ? 'y' : 'ies'}`
        : `is too short (at least ${issue.minimum as number} characters)`;
    case 'too_big':
      return issue.origin === 'array'
        ? `has too many entries (at most ${issue.maximum as number})`
        : `is too long (at most ${issue.maximum as number} characters)`;
    case 'invalid_format':
      return `${quote(input)} has the wrong format`;
    default:
      return undefined;
  }
}

/**
 * zod issues → `ConfigIssue[]` whose messages start with the path:
 * `channels[1].phone: "0170 123" has no country code; write it as +49 170 123…`.
 */
export function formatIssues(issues: readonly core.$ZodIssue[]): ConfigIssue[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    return { path, message: path ? `${path}: ${issue.message}` : issue.message };
  });
}
