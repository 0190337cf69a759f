import { issueAt } from '../errors.js';
import { checkChannel } from './check-channel.js';
import type { Found } from './check-values.js';
import {
  booleanProblems,
  choiceProblems,
  isObject,
  isPlainObject,
  lengthProblems,
  report,
  textProblems,
} from './check-values.js';
import { linkProblems } from './link-problems.js';
import {
  channelCount,
  defaults,
  languageTag,
  layouts,
  maxLength,
  problems,
  references,
  requiredHints,
} from './rules.js';
import { formatPath, notATextKey, tooLong, unknownOptions, wrongType } from './sentences.js';
import type { ParseResult, WidgetConfig } from './types.js';
import { endpointProblem, privacyPolicyProblem } from './url-problems.js';

/** Checks one option's value (never `undefined` for optional and defaulted options) and returns it as kept. */
type OptionCheck = (value: unknown, path: PropertyKey[], found: Found) => unknown;

/** A text option that must say something: not empty, not only spaces. */
const text =
  (max: number, empty: string = problems.emptyText): OptionCheck =>
  (value, path, found) => {
    report(found, path, textProblems(value, { max, check: (it) => (it.trim() === '' ? empty : undefined) }));
    return value;
  };

const choice =
  (choices: readonly unknown[]): OptionCheck =>
  (value, path, found) => {
    report(found, path, choiceProblems(value, choices));
    return value;
  };

const flag: OptionCheck = (value, path, found) => {
  report(found, path, booleanProblems(value));
  return value;
};

const channels: OptionCheck = (value, path, found) => {
  if (!Array.isArray(value)) {
    const type = value === undefined ? `is required; ${requiredHints.channels}` : wrongType('array', value);
    report(found, path, [type, ...lengthProblems(value, channelCount.min, channelCount.max)]);
    return value;
  }
  // An overlong list is refused as a whole, its entries unread (as zod does: no work on a flood).
  if (value.length > channelCount.max) {
    report(found, path, [tooLong(channelCount.max, 'array')]);
    return value;
  }
  // Array.from, not map: a hole in the list is a missing channel, not one to skip.
  const kept = Array.from(value, (_, index) => checkChannel(value[index], [...path, index], found));
  report(found, path, lengthProblems(value, channelCount.min, channelCount.max));
  return kept;
};

const texts: OptionCheck = (value, path, found) => {
  if (!isPlainObject(value)) {
    report(found, path, [wrongType('record', value)]);
    return value;
  }
  const kept: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(value)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    if (typeof key === 'symbol') {
      report(found, [...path, key], [notATextKey(key)]);
      continue;
    }
    report(found, [...path, key], textProblems(value[key], { max: maxLength.text }));
    kept[key] = value[key];
  }
  return kept;
};

/** The options in the order the issues come in; `required` options have no default. */
const options: Array<[keyof WidgetConfig, 'required' | 'optional' | 'defaulted', OptionCheck]> = [
  [
    'company',
    'required',
    (value, path, found) => {
      const check = (it: string) => (it.trim() === '' ? problems.emptyCompany : undefined);
      report(
        found,
        path,
        textProblems(value, { max: maxLength.company, hint: requiredHints.company, check }),
      );
      return value;
    },
  ],
  ['channels', 'required', channels],
  [
    'privacyPolicy',
    'required',
    (value, path, found) => {
      report(
        found,
        path,
        textProblems(value, { hint: requiredHints.privacyPolicy, check: privacyPolicyProblem }),
      );
      return value;
    },
  ],
  [
    'endpoint',
    'optional',
    (value, path, found) => {
      report(found, path, textProblems(value, { check: endpointProblem }));
      return value;
    },
  ],
  ['keyword', 'defaulted', text(maxLength.keyword)],
  ['withdrawKeyword', 'defaulted', text(maxLength.withdrawKeyword)],
  ['purpose', 'optional', text(maxLength.purpose)],
  ['controller', 'optional', text(maxLength.controller)],
  [
    'lang',
    'optional',
    (value, path, found) => {
      const check = (it: string) => (languageTag.test(it) ? undefined : problems.notALanguageTag);
      report(found, path, textProblems(value, { check }));
      return value;
    },
  ],
  ['layout', 'defaulted', choice(layouts)],
  ['requireCheckbox', 'defaulted', flag],
  ['reference', 'defaulted', choice(references)],
  ['impressions', 'defaulted', flag],
  ['texts', 'optional', texts],
];

const optionNames = new Set<string>(options.map(([key]) => key));

/**
 * Validates a widget config and applies the defaults, without zod: the same rules, results and
 * sentences as `parseWidgetConfig` of `@messenger-optin/sdk/schema` (a property test holds the two
 * side by side), at a fraction of the size, for browsers. Never throws: bad input gives issues
 * whose messages name the path and say what to do
 * (`channels[1].phone: "0170 123" has no country code; …`).
 *
 * @example
 * const result = checkWidgetConfig(JSON.parse(json));
 * if (!result.ok) console.error(result.issues.map((issue) => issue.message).join('\n'));
 */
export function checkWidgetConfig(input: unknown): ParseResult {
  const found: Found = [];
  if (!isObject(input)) report(found, [], [wrongType('object', input)]);
  else {
    const config: Record<string, unknown> = {};
    for (const [key, presence, check] of options) {
      const present = key in input;
      const value = input[key];
      if (presence === 'optional' && value === undefined) {
        // An option written as `undefined` stays in the config, one left out stays out.
        if (present) config[key] = undefined;
      } else if (presence === 'defaulted' && value === undefined)
        config[key] = defaults[key as keyof typeof defaults];
      else config[key] = check(value, [key], found);
    }
    const unknown: string[] = [];
    for (const key in input) if (!optionNames.has(key)) unknown.push(key);
    if (unknown.length) report(found, [], [unknownOptions(unknown)]);
    // The links are built only from a config whose every field is valid.
    if (found.length === 0) {
      for (const { index, problem } of linkProblems(config as unknown as WidgetConfig))
        report(found, ['channels', index], [problem]);
    }
    if (found.length === 0) return { ok: true, config: config as unknown as WidgetConfig };
  }
  return { ok: false, issues: found.map(({ path, message }) => issueAt(formatPath(path), message)) };
}
