import type { core } from 'zod/mini';
import {
  formatPath,
  notAllowed,
  notATextKey,
  tooLong,
  tooShort,
  unknownOptions,
  wrongType,
} from '../config/sentences.js';
import type { ConfigIssue } from '../errors.js';
import { issueAt, quote } from '../errors.js';

// The sentences live in a zod-free file, shared with `checkWidgetConfig`.
export { formatPath };

/**
 * Turns a zod issue into a sentence that says what to do. Used as the per-parse error map by
 * `parseWidgetConfig`; the schemas' own checks (phone numbers, URLs, …) bring their sentences.
 */
export function explainIssue(issue: core.$ZodRawIssue): string | undefined {
  const { input } = issue;
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(issue.expected, input);
    case 'unrecognized_keys':
      return unknownOptions(issue.keys);
    case 'invalid_value':
      return notAllowed(input, issue.values);
    case 'too_small':
      return tooShort(issue.minimum as number, issue.origin === 'array' ? 'array' : 'string');
    case 'too_big':
      return tooLong(issue.maximum as number, issue.origin === 'array' ? 'array' : 'string');
    case 'invalid_format':
      return `${quote(input)} has the wrong format`;
    case 'invalid_key':
      return notATextKey(input);
    default:
      return undefined;
  }
}

/**
 * zod issues → `ConfigIssue[]` whose messages start with the path:
 * `channels[1].phone: "0170 123" has no country code; write it as +49 170 123…`.
 */
export function formatIssues(issues: readonly core.$ZodIssue[]): ConfigIssue[] {
  return issues.map((issue) => issueAt(formatPath(issue.path), issue.message));
}
