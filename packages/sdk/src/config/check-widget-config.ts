import { issueAt } from '../errors.js';
import { checkChannel } from './check-channel.js';
import type { Found, TextRule } from './check-values.js';
import {
  booleanProblems,
  choiceProblems,
  isObject,
  isPlainObject,
  lengthProblems,
  report,
  reportUnknown,
  textProblems,
} from './check-values.js';
import { linkProblems } from './link-problems.js';
import { configKeys, type ConfigKey } from './option-names.js';
import { advertisingProblems, processorsProblems, wholeNumberProblems } from './notice-options.js';
import { noticeTextsProblem } from './notice-size.js';
import {
  channelCount,
  defaults,
  languageTag,
  layouts,
  maxLength,
  numberRanges,
  problems,
  references,
  requiredHints,
} from './rules.js';
import { formatPath, notATextKey, tooLong, wrongType } from './sentences.js';
import type { ParseResult, WidgetConfig } from './types.js';
import { endpointOnPageProblem } from './endpoint-on-page.js';
import { endpointProblem, privacyPolicyProblem } from './url-problems.js';

/** Checks one option's value (never `undefined` for optional and defaulted options) and returns it as kept. */
type OptionCheck = (value: unknown, path: PropertyKey[], found: Found) => unknown;

/** A text option's content check: not empty, not only spaces. */
const filled =
  (problem: string) =>
  (it: string): string | undefined =>
    it.trim() === '' ? problem : undefined;

/** A text option that must say something. */
const text = (max: number): TextRule => ({ max, check: filled(problems.emptyText) });

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

/** An option checked by a shared function of notice-options.ts. */
const found =
  (problemsOf: (value: unknown, path: PropertyKey[]) => Found): OptionCheck =>
  (value, path, all) => {
    all.push(...problemsOf(value, path));
    return value;
  };

const wholeNumber = (key: keyof typeof numberRanges): OptionCheck =>
  found((value, path) =>
    wholeNumberProblems(value, numberRanges[key][0], numberRanges[key][1]).map((message) => ({
      path,
      message,
    })),
  );

const texts: OptionCheck = (value, path, found) => {
  if (!isPlainObject(value)) {
    report(found, path, [wrongType('record', value)]);
    return value;
  }
  const kept: Record<string, unknown> = {};
  const before = found.length;
  for (const key of Reflect.ownKeys(value)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    if (typeof key === 'symbol') {
      report(found, [...path, key], [notATextKey(key)]);
      continue;
    }
    report(found, [...path, key], textProblems(value[key], { max: maxLength.text }));
    kept[key] = value[key];
  }
  const problem = found.length === before && noticeTextsProblem(kept as Record<string, string>);
  if (problem) report(found, path, [problem]);
  return kept;
};

/**
 * Every option (`configKeys` gives the order the issues come in): a text rule (for text options) or a check. The
 * options with a hint in `requiredHints` are required, those in `defaults` get their default when
 * left out, the others are optional.
 */
const options: Record<ConfigKey, TextRule | OptionCheck> = {
  company: { max: maxLength.company, check: filled(problems.emptyCompany) },
  channels,
  privacyPolicy: { max: maxLength.privacyPolicy, check: privacyPolicyProblem },
  endpoint: { check: endpointProblem },
  keyword: text(maxLength.keyword),
  withdrawKeyword: text(maxLength.withdrawKeyword),
  purpose: text(maxLength.purpose),
  frequency: text(maxLength.frequency),
  dpo: text(maxLength.dpo),
  privacyPolicyVersion: text(maxLength.version),
  unsubscribeUrl: { max: maxLength.unsubscribeUrl, check: privacyPolicyProblem },
  processors: found((value, path) => processorsProblems(value, path)),
  advertising: found((value, path) => advertisingProblems(value).map((message) => ({ path, message }))),
  retentionYears: wholeNumber('retentionYears'),
  unconfirmedDays: wholeNumber('unconfirmedDays'),
  minAge: wholeNumber('minAge'),
  referenceLength: wholeNumber('referenceLength'),
  controller: text(maxLength.controller),
  lang: { check: (it) => (languageTag.test(it) ? undefined : problems.notALanguageTag) },
  layout: choice(layouts),
  requireCheckbox: flag,
  reference: choice(references),
  impressions: flag,
  texts,
};

/**
 * Validates a widget config and applies the defaults, without zod: the same rules, results and
 * sentences as `parseWidgetConfig` of `@messenger-optin/sdk/schema` (a property test holds the two
 * side by side), at a fraction of the size, for browsers. Never throws: bad input gives issues
 * whose messages name the path and say what to do
 * (`channels[1].phone: "0170 123" has no country code; …`).
 *
 * `page.url` is the page the widget runs on (in a browser, by default, `location.href`): on an
 * https page an `http:` endpoint is refused, since the browser would block every event to it.
 *
 * @example
 * const result = checkWidgetConfig(JSON.parse(json));
 * if (!result.ok) console.error(result.issues.map((issue) => issue.message).join('\n'));
 */
export function checkWidgetConfig(input: unknown, page: { url?: string | undefined } = {}): ParseResult {
  const found: Found = [];
  const pageUrl = page.url ?? (globalThis as { location?: { href?: string } }).location?.href;
  if (!isObject(input)) report(found, [], [wrongType('object', input)]);
  else {
    const config: Record<string, unknown> = {};
    for (const key of configKeys) {
      const value = input[key];
      const rule = options[key];
      if (value === undefined && !(key in requiredHints)) {
        if (key in defaults) config[key] = defaults[key as keyof typeof defaults];
        // An optional option written as `undefined` stays in the config, one left out stays out.
        else if (key in input) config[key] = undefined;
      } else if (typeof rule === 'function') config[key] = rule(value, [key], found);
      else {
        report(found, [key], textProblems(value, rule, requiredHints[key as keyof typeof requiredHints]));
        config[key] = value;
      }
    }
    reportUnknown(found, [], input, options);
    const endpointOnPage =
      found.length === 0 && typeof config['endpoint'] === 'string' && pageUrl !== undefined
        ? endpointOnPageProblem(config['endpoint'], pageUrl)
        : undefined;
    if (endpointOnPage) report(found, ['endpoint'], [endpointOnPage]);
    // The links are built only from a config whose every field is valid.
    if (found.length === 0) {
      for (const { index, problem } of linkProblems(config as unknown as WidgetConfig))
        report(found, ['channels', index], [problem]);
    }
    if (found.length === 0) return { ok: true, config: config as unknown as WidgetConfig };
  }
  return { ok: false, issues: found.map(({ path, message }) => issueAt(formatPath(path), message)) };
}
