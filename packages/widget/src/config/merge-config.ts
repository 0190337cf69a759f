import { attributeName } from '@messenger-optin/sdk';
import { configKeys, type ConfigProblem, type RawConfig } from './types.js';

export type MergeResult =
  { ok: true; raw: Record<string, unknown>; theme: unknown } | { ok: false; problem: ConfigProblem };

/**
 * Merges the `<script type="application/json">` child (if any) with the element's attributes and
 * properties; what is set on the element wins, so a page can override one field of a shared JSON.
 * Unset fields are left out, so that the schema's defaults apply. The JSON's `theme` is returned
 * apart, for the element to apply.
 */
export function mergeConfig(fromElement: RawConfig, jsonText: string | undefined): MergeResult {
  let base: Record<string, unknown> = {};
  if (jsonText !== undefined && jsonText.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(jsonText);
    } catch (error) {
      return {
        ok: false,
        problem: {
          code: 'invalid-json',
          message: `the <script type="application/json"> config is not valid JSON (${(error as Error).message}).`,
        },
      };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return {
        ok: false,
        problem: {
          code: 'invalid-json',
          message:
            'the <script type="application/json"> config must be one JSON object, e.g. {"company":"Firma",…}.',
        },
      };
    }
    base = parsed as Record<string, unknown>;
  }
  // JSON keys are the camelCase property names; an attribute name copied into the JSON
  // (`"privacy-policy"`) is read as its property instead of failing as "required" or "unknown".
  for (const key of configKeys) {
    const attribute = attributeName(key);
    if (attribute !== key && attribute in base) {
      base[key] ??= base[attribute];
      delete base[attribute];
    }
  }
  // `theme` only styles the element: the config schema does not know it, so it is taken out here.
  const { theme, ...raw } = base;
  for (const key of configKeys) {
    const value = fromElement[key];
    // `false` is an absent boolean attribute, except for `advertising="false"`, which says something.
    if (value !== undefined && value !== null && (value !== false || key === 'advertising')) raw[key] = value;
  }
  return { ok: true, raw, theme };
}
