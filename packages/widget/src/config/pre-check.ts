import type { ChannelType } from '@messenger-optin/sdk';
import { attributeName } from './attribute-name.js';
import type { CheckedChannel, ConfigProblem, PreCheckResult } from './types.js';

/**
 * The structural pre-check on the first-paint path (docs/architecture.md#sizes). It decides whether the
 * buttons may paint: JSON parses, required fields are present, channel types are known, URLs are
 * http(s). Everything finer (phone numbers, user names, lengths) is the full validation's job,
 * which loads in parallel and must pass before any button acts.
 */
export function preCheck(raw: Record<string, unknown>, knownTypes: readonly ChannelType[]): PreCheckResult {
  const fail = (problem: ConfigProblem): PreCheckResult => ({ ok: false, problem });

  const company = raw['company'];
  if (typeof company !== 'string' || company.trim() === '') {
    return fail({
      code: 'missing-attribute',
      path: 'company',
      message:
        'attribute "company" is required: the business name visitors will see in the messenger, e.g. company="Firma".',
    });
  }

  let channels = raw['channels'];
  if (channels === undefined || channels === '') {
    return fail({
      code: 'missing-attribute',
      path: 'channels',
      message:
        'attribute "channels" is required: a JSON array such as [{"type":"whatsapp","phone":"+49 170 1234567"}].',
    });
  }
  if (typeof channels === 'string') {
    try {
      channels = JSON.parse(channels);
    } catch (error) {
      return fail({
        code: 'invalid-json',
        path: 'channels',
        message: `attribute "channels" is not valid JSON (${(error as Error).message}); write it like [{"type":"whatsapp","phone":"+49 170 1234567"}].`,
      });
    }
  }
  if (!Array.isArray(channels) || channels.length === 0) {
    return fail({
      code: 'missing-attribute',
      path: 'channels',
      message:
        'attribute "channels" must be a non-empty JSON array such as [{"type":"whatsapp","phone":"+49 170 1234567"}].',
    });
  }
  const checked: CheckedChannel[] = [];
  for (const [index, channel] of channels.entries()) {
    const type = (channel as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(knownTypes as readonly string[]).includes(type)) {
      return fail({
        code: 'unknown-channel',
        path: `channels[${index}].type`,
        message: `attribute "channels": channels[${index}].type ${JSON.stringify(type ?? null)} is not a known channel; use one of ${knownTypes.join(', ')}.`,
      });
    }
    checked.push(channel as CheckedChannel);
  }

  const privacyPolicy = raw['privacyPolicy'];
  if (typeof privacyPolicy !== 'string' || privacyPolicy.trim() === '') {
    return fail({
      code: 'missing-attribute',
      path: 'privacyPolicy',
      message:
        'attribute "privacy-policy" is required: the URL of your privacy policy, e.g. privacy-policy="https://example.com/privacy".',
    });
  }
  // Relative URLs (endpoint="/collect") resolve against the page, so the schema sees absolute ones.
  const urls: Record<string, string> = {};
  for (const key of ['privacyPolicy', 'endpoint'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    const url = httpUrl(value);
    if (url) urls[key] = url;
    else {
      return fail({
        code: 'invalid-url',
        path: key,
        message: `attribute "${attributeName(key)}": ${JSON.stringify(String(value).slice(0, 80))} is not an http(s) URL; give a full address such as https://example.com/${key === 'endpoint' ? 'consent' : 'privacy'}.`,
      });
    }
  }

  const texts = raw['texts'];
  return {
    ok: true,
    config: {
      company: company.trim(),
      channels: checked,
      privacyPolicy: urls['privacyPolicy'] ?? privacyPolicy,
      layout: raw['layout'] === 'floating' ? 'floating' : 'inline',
      texts: texts !== null && typeof texts === 'object' ? (texts as Record<string, string>) : {},
      raw: { ...raw, ...urls, channels },
    },
  };
}

/** The absolute URL if it is http(s): `javascript:`, `data:` and friends never reach an `href`. */
function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const base = typeof location === 'undefined' ? undefined : location.href;
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
