/**
 * The sentences of config issues, shared by the zod schema (via `explainIssue`) and by the zod-free
 * `checkWidgetConfig`, so that both say exactly the same thing; those the widget's pre-check also
 * says are in names-and-hints.ts (docs/architecture.md#rules-every-part-keeps, "Errors that say what to do").
 */
import { kindOf, quoteAny } from './names-and-hints.js';

import type { LengthOrigin } from './names-and-hints.js';

export type { LengthOrigin };
export { tooShort, unknownChannel, wrongType } from './names-and-hints.js';

/** `['channels', 1, 'phone']` → `channels[1].phone`: the path as a site owner writes it. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text ? `${text}.${name}` : name;
  }, '');
}

export function unknownOptions(keys: readonly string[]): string {
  const many = keys.length > 1;
  const names = keys.map((key) => `"${key}"`).join(', ');
  return `unknown option${many ? 's' : ''} ${names}; remove ${many ? 'them' : 'it'} or check the spelling`;
}

export function notAllowed(input: unknown, values: readonly unknown[]): string {
  return `${quoteAny(input)} is not allowed; use ${values.map((value) => JSON.stringify(value)).join(' or ')}`;
}

export function tooLong(maximum: number, origin: LengthOrigin): string {
  return origin === 'array'
    ? `has too many entries (at most ${maximum})`
    : `is too long (at most ${maximum} characters)`;
}

/** A symbol key in the `texts` record (only possible from code, never from JSON or attributes). */
export function notATextKey(key: unknown): string {
  return `must be a text key, not ${kindOf(key)}`;
}
