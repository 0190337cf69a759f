/**
 * The sentences of config issues, shared by the zod schema (via `explainIssue`) and by the zod-free
 * `checkWidgetConfig`, so that both say exactly the same thing (docs/architecture.md#rules-every-part-keeps, "Errors that say what to do").
 */
import { quote } from '../errors.js';

/** `['channels', 1, 'phone']` → `channels[1].phone`: the path as a site owner writes it. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text ? `${text}.${name}` : name;
  }, '');
}

/** `quote` for any value a config may hold: an object without a prototype has no `toString`. */
function quoteAny(value: unknown): string {
  try {
    return quote(value);
  } catch {
    return quote(Object.prototype.toString.call(value));
  }
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
  record: 'an object',
  number: 'a number',
};

/** A value of the wrong type; `expected` is zod's name of the type (`string`, `array`, …). */
export function wrongType(expected: string, input: unknown): string {
  if (input === undefined) return 'is required';
  return `must be ${expectedNames[expected] ?? expected}, not ${kindOf(input)}`;
}

export function unknownOptions(keys: readonly string[]): string {
  const many = keys.length > 1;
  const names = keys.map((key) => `"${key}"`).join(', ');
  return `unknown option${many ? 's' : ''} ${names}; remove ${many ? 'them' : 'it'} or check the spelling`;
}

export function notAllowed(input: unknown, values: readonly unknown[]): string {
  return `${quoteAny(input)} is not allowed; use ${values.map((value) => JSON.stringify(value)).join(' or ')}`;
}

/** What zod measured: a list, a text, or something else with a `length`. */
export type LengthOrigin = 'array' | 'string' | 'unknown';

export function tooShort(minimum: number, origin: LengthOrigin): string {
  return origin === 'array'
    ? `needs at least ${minimum} entr${minimum === 1 ? 'y' : 'ies'}`
    : `is too short (at least ${minimum} characters)`;
}

export function tooLong(maximum: number, origin: LengthOrigin): string {
  return origin === 'array'
    ? `has too many entries (at most ${maximum})`
    : `is too long (at most ${maximum} characters)`;
}

/** A channel whose `type` is missing or not in the registry. */
export function unknownChannel(type: unknown, registry: readonly { type: string }[]): string {
  const choices = registry.map((channel) => channel.type).join(', ');
  return type === undefined
    ? `is required; use one of ${choices}`
    : `unknown channel ${quoteAny(type)}; use one of ${choices}`;
}

/** A symbol key in the `texts` record (only possible from code, never from JSON or attributes). */
export function notATextKey(key: unknown): string {
  return `must be a text key, not ${kindOf(key)}`;
}
