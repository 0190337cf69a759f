/**
 * Checks of the notice options that are not plain text (docs/architecture.md#config-rules):
 * `advertising`, whole numbers, `processors` and the SMS/e-mail `provider`. Zod-free and shared:
 * the zod schema runs them in a custom check and `checkWidgetConfig` calls them, so both report
 * the same sentences at the same paths.
 */
import { noticeLocales } from '../notices/locales.js';
import { processorPresets } from '../notices/processors.js';
import { isObject, lengthProblems, reportUnknown, textProblems, type Found } from './check-values.js';
import { maxLength } from './rules.js';
import { notAllowed, wrongType } from './sentences.js';

/** The EU and EEA member states (ISO 3166-1 alpha-2): no `transfer` needed for a processor there. */
const euEea = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO'.split(' '),
);

/** Whether a country code is in the EU/EEA. */
export const inEuEea = (code: string): boolean => euEea.has(code.trim().toUpperCase());

const filled = (text: string) =>
  text.trim() === '' ? 'is empty; write some text or leave the option out' : undefined;

/** `advertising`: true, false, or the text of what is advertised. */
export function advertisingProblems(value: unknown): string[] {
  if (typeof value === 'boolean') return [];
  if (typeof value !== 'string')
    return [
      `must be true, false or the text of what is advertised, not ${JSON.stringify(value) ?? String(value)}`,
    ];
  return textProblems(value, { max: maxLength.advertising, check: filled });
}

/** A whole number in [min, max]. */
export function wholeNumberProblems(value: unknown, min: number, max: number): string[] {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return [
      `must be a whole number from ${min} to ${max}, not ${typeof value === 'number' ? value : wrongType('number', value).replace('must be a number, not ', '')}`,
    ];
  return value < min || value > max ? [`must be from ${min} to ${max}, not ${value}`] : [];
}

/** The keys of a per-language text: English first (required), then every other shipped locale. */
const textLocales = ['en', ...noticeLocales.filter((locale) => locale !== 'en')];

/** A text in one language or per shipped locale, `{ de, en }` (en required). */
function configTextProblems(
  found: Found,
  path: PropertyKey[],
  value: unknown,
  required: boolean,
  max: number,
): void {
  if (value === undefined) {
    if (required)
      found.push({ path, message: 'is required; write it as text or as { "de": "…", "en": "…" }' });
    return;
  }
  if (isObject(value)) {
    for (const key of textLocales)
      if (key in value || key === 'en')
        for (const message of textProblems(
          value[key],
          { max: 1000, check: filled },
          'write the English text',
        ))
          found.push({ path: [...path, key], message });
    reportUnknown(found, path, value, Object.fromEntries(textLocales.map((key) => [key, 0])));
    return;
  }
  for (const message of textProblems(value, { max, check: filled })) found.push({ path, message });
}

/** A country code: two letters. */
function countryProblems(found: Found, path: PropertyKey[], value: unknown): void {
  for (const message of textProblems(
    value,
    {
      check: (code) =>
        /^[A-Za-z]{2}$/.test(code.trim())
          ? undefined
          : `${JSON.stringify(code)} is not a two-letter country code; write e.g. "DE"`,
    },
    'write the two-letter country code, e.g. "DE"',
  ))
    found.push({ path, message });
}

/**
 * The business's SMS or e-mail provider `{ name, country, transfer }` (a processor; `transfer` is
 * always required: "Keine Übermittlung in Drittländer." is a valid answer).
 */
export function channelProviderProblems(value: unknown, path: PropertyKey[] = []): Found {
  const found: Found = [];
  if (!isObject(value)) {
    found.push({
      path,
      message:
        value === undefined
          ? 'is required: the notice names your SMS or e-mail provider; write { "name": "…", "country": "DE", "transfer": "Keine Übermittlung in Drittländer." }'
          : wrongType('object', value),
    });
    return found;
  }
  for (const message of textProblems(
    value['name'],
    { max: maxLength.processorName, check: filled },
    "write the provider's name",
  ))
    found.push({ path: [...path, 'name'], message });
  countryProblems(found, [...path, 'country'], value['country']);
  configTextProblems(found, [...path, 'transfer'], value['transfer'], true, maxLength.processorTransfer);
  reportUnknown(found, path, value, { name: 0, country: 0, transfer: 0 });
  return found;
}

/** `processors`: up to `maxLength.processors` entries `{ name, role, country, transfer? }` or `{ preset }`. */
export function processorsProblems(value: unknown, path: PropertyKey[] = []): Found {
  const found: Found = [];
  if (!Array.isArray(value)) {
    found.push({ path, message: wrongType('array', value) });
    return found;
  }
  for (const message of lengthProblems(value, 0, maxLength.processors)) found.push({ path, message });
  if (value.length > maxLength.processors) return found;
  Array.from(value, (entry: unknown, index) => {
    const at = [...path, index];
    if (!isObject(entry)) return found.push({ path: at, message: wrongType('object', entry) });
    if ('preset' in entry) {
      if (!processorPresets.includes(entry['preset'] as never))
        found.push({ path: [...at, 'preset'], message: notAllowed(entry['preset'], processorPresets) });
      return reportUnknown(found, at, entry, { preset: 0 });
    }
    for (const message of textProblems(
      entry['name'],
      { max: 100, check: filled },
      "write the processor's name",
    ))
      found.push({ path: [...at, 'name'], message });
    configTextProblems(found, [...at, 'role'], entry['role'], true, maxLength.processorRole);
    countryProblems(found, [...at, 'country'], entry['country']);
    const country = entry['country'];
    const outside = typeof country === 'string' && /^[A-Za-z]{2}$/.test(country.trim()) && !inEuEea(country);
    if (outside && entry['transfer'] === undefined)
      found.push({
        path: [...at, 'transfer'],
        message: `is required for a processor outside the EU/EEA (${country.trim().toUpperCase()}): name the safeguard, e.g. "Standardvertragsklauseln (Art. 46 DSGVO)"`,
      });
    else
      configTextProblems(found, [...at, 'transfer'], entry['transfer'], false, maxLength.processorTransfer);
    return reportUnknown(found, at, entry, { name: 0, role: 0, country: 0, transfer: 0 });
  });
  return found;
}
